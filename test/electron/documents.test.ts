/**
 * Opening, saving, exporting and recovering documents through main's
 * handlers, with fake dialogs and real files in a temporary folder.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../engine/build';
import { exportNetwork2Text } from '../../engine/formats/network2-export';
import { PROJECT_VERSION } from '../../engine/project';
import { createNoticeHandlers, createRequestHandlers, dataPathsOf, withExtension } from '../../electron/main/ipc/handlers';
import { RecentFiles } from '../../electron/main/files/recent';
import { RecoveryStore } from '../../electron/main/files/recovery';
import { fixture, OTHER_SESSION_ID, projectText, SESSION_ID } from './helpers/fakes';

async function setup() {
  const f = await fixture();
  const changed: (string | null)[] = [];
  const h = createRequestHandlers({ dialogs: f.dialogs, recent: f.recent, recovery: f.recovery, recentChanged: (p) => changed.push(p) });
  return { ...f, h, changed };
}

/** Writes `content` and returns a check that the file is exactly as it was. */
function fileToKeep(path: string, content: string | Uint8Array): () => void {
  writeFileSync(path, content);
  const before = readFileSync(path);
  const mtime = statSync(path).mtimeMs;
  return () => {
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  };
}

describe('opening documents', () => {
  it('opens a project through the dialog, grants its path and its data files, and lists it as recent', async () => {
    const { dir, dialogs, h, session, trainer, recent } = await setup();
    const path = join(dir, 'net.neuroloom');
    const project = JSON.parse(projectText('Net'));
    project.dataset = { source: 'file', path: '/data/train-images-idx3-ubyte.gz' };
    writeFileSync(path, JSON.stringify(project));
    dialogs.answers.push(path);
    const file = await h.openProject(session);
    expect(file).toMatchObject({ name: 'net.neuroloom', path });
    expect(session.mayWrite(path)).toBe(true);
    expect(trainer.granted).toEqual(['/data/train-images-idx3-ubyte.gz']);
    expect(recent.list()).toEqual([path]);
    expect(await h.openRecent(session, path)).toMatchObject({ path });
    dialogs.answers.push(null);
    expect(await h.openProject(session)).toBeNull();
  });

  const bad: [string, string | Uint8Array, RegExp][] = [
    ['truncated', projectText().slice(0, 200), /^bad\.neuroloom: not valid JSON/],
    ['corrupted (binary)', Uint8Array.from([0x7b, 0xff, 0xfe, 0x00, 0x81, 0x7d]), /^bad\.neuroloom: is not a text file; it may be damaged/],
    ['empty', '', /^bad\.neuroloom: the file is empty/],
    ['from a newer version', projectText().replace(`"version": ${PROJECT_VERSION}`, '"version": 99'), /^bad\.neuroloom: this project is version 99, made by a newer Neuroloom.*Update Neuroloom/],
    ['holding a null weight (NaN written by JSON.stringify)', projectText('Net', (w) => w.map((r) => r.map((v, i) => (i === 0 ? (null as unknown as number) : v)))), /^bad\.neuroloom: /],
    ['network2.py JSON', exportNetwork2Text(layeredNetwork([2, 3, 1])), /network2\.py JSON; open it with File > Import network2\.py JSON/],
    ['some other JSON', '{"hello": "world"}', /not a Neuroloom project/],
  ];
  for (const [what, content, message] of bad) {
    it(`refuses a ${what} file with a clear message and leaves it untouched`, async () => {
      const { dir, dialogs, h, session, recent } = await setup();
      const path = join(dir, 'bad.neuroloom');
      const unchanged = fileToKeep(path, content);
      dialogs.answers.push(path);
      await expect(h.openProject(session)).rejects.toThrow(message);
      unchanged();
      expect(session.mayWrite(path)).toBe(false);
      expect(recent.list()).toEqual([]);
    });
  }

  it('names a missing file, and a folder, without a stack trace', async () => {
    const { dir, dialogs, h, session } = await setup();
    dialogs.answers.push(join(dir, 'gone.neuroloom'), dir);
    await expect(h.openProject(session)).rejects.toThrow(/^gone\.neuroloom: cannot be opened \(it does not exist\)$/);
    await expect(h.openProject(session)).rejects.toThrow(/is not a file/);
  });

  it('imports network2.py JSON and refuses a broken one with its entry named', async () => {
    const { dir, dialogs, h, session } = await setup();
    const good = join(dir, 'net2.json');
    writeFileSync(good, exportNetwork2Text(layeredNetwork([2, 3, 1])));
    const broken = join(dir, 'broken.json');
    const text = JSON.parse(exportNetwork2Text(layeredNetwork([2, 3, 1])));
    text.weights[0][1][0] = 'x';
    const unchanged = fileToKeep(broken, JSON.stringify(text));
    dialogs.answers.push(good, broken);
    expect(await h.importNetwork2(session)).toMatchObject({ name: 'net2.json' });
    await expect(h.importNetwork2(session)).rejects.toThrow(/^broken\.json: .*weights\[0\]\[1\]\[0\]/);
    unchanged();
  });
});

describe('saving documents', () => {
  it('saves over a granted path without asking, and asks where for a new or ungranted one', async () => {
    const { dir, dialogs, h, session, recent, changed } = await setup();
    const text = projectText('First');
    const chosen = join(dir, 'chosen');
    dialogs.answers.push(chosen);
    const saved = await h.saveProject(session, text, null, false);
    expect(saved).toEqual({ name: 'chosen.neuroloom', path: `${chosen}.neuroloom` });
    expect(readFileSync(`${chosen}.neuroloom`, 'utf8')).toBe(text);
    expect(dialogs.asked).toEqual([{ kind: 'save', title: 'Save project', defaultPath: 'Untitled.neuroloom' }]);

    const second = projectText('Second');
    await h.saveProject(session, second, saved, false);
    expect(dialogs.asked).toHaveLength(1); // no dialog: the path was granted by the first save
    expect(readFileSync(`${chosen}.neuroloom`, 'utf8')).toBe(second);
    expect(recent.list()).toEqual([`${chosen}.neuroloom`]);
    expect(changed).toEqual([`${chosen}.neuroloom`, `${chosen}.neuroloom`]);

    // A path the renderer names but the user never picked is not written without a dialog.
    const elsewhere = join(dir, 'victim.neuroloom');
    const unchanged = fileToKeep(elsewhere, 'precious');
    dialogs.answers.push(null);
    expect(await h.saveProject(session, second, { name: 'victim.neuroloom', path: elsewhere }, false)).toBeNull();
    expect(dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultPath: elsewhere });
    unchanged();
  });

  it('never writes a non-finite weight as null: the save is refused and the old file stays', async () => {
    const { dir, h, session } = await setup();
    const path = join(dir, 'net.neuroloom');
    session.grantDocument(path);
    const unchanged = fileToKeep(path, projectText('Old'));
    // What JSON.stringify makes of a NaN weight.
    const nanAsNull = JSON.stringify({ ...JSON.parse(projectText('New')), seed: null });
    const withNull = projectText('New', (w) => w.map((r) => r.map(() => null as unknown as number)));
    for (const text of [nanAsNull, withNull, 'NaN', '{"format":"neuroloom-project","version":1,"seed":NaN}']) {
      await expect(h.saveProject(session, text, { name: 'net.neuroloom', path }, false)).rejects.toThrow(/cannot save|not valid JSON/);
    }
    unchanged();
    expect(readdirSync(dir).filter((n) => n.startsWith('net.neuroloom.'))).toEqual([]);
  });

  it('a failed save (the folder has gone) says so in words', async () => {
    const { dir, dialogs, h, session } = await setup();
    dialogs.answers.push(join(dir, 'missing-sub', 'x.neuroloom'));
    await expect(h.saveProject(session, projectText(), null, true)).rejects.toThrow(/^x\.neuroloom: cannot be saved \(it does not exist\); the file on disk is unchanged$/);
  });

  it('exports network2.py JSON, charts and metrics, and refuses a fake PNG', async () => {
    const { dir, dialogs, h, session } = await setup();
    const net2 = exportNetwork2Text(layeredNetwork([2, 3, 1]));
    dialogs.answers.push(join(dir, 'n2.json'), join(dir, 'c.png'), join(dir, 'm.csv'));
    expect(await h.exportNetwork2(session, net2, '../../etc/evil')).toMatchObject({ name: 'n2.json' });
    expect(dialogs.asked[0].defaultPath).toBe('evil.json');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(await h.exportFile(session, 'chart', png, 'png')).toMatchObject({ name: 'c.png' });
    expect(readFileSync(join(dir, 'c.png'))).toEqual(Buffer.from(png));
    expect(await h.exportFile(session, 'metrics', 'epoch,cost\n1,0.5\n', 'csv')).toMatchObject({ name: 'm.csv' });
    await expect(h.exportFile(session, 'chart', new TextEncoder().encode('<svg/>'), 'png')).rejects.toThrow(/not a PNG/);
    const withNull = JSON.parse(net2);
    withNull.weights[0][0][0] = null; // what JSON.stringify makes of NaN
    await expect(h.exportNetwork2(session, JSON.stringify(withNull), 'n')).rejects.toThrow(/^n: .*weights\[0\]\[0\]\[0\]/);
    expect(dialogs.asked).toHaveLength(3); // refused before any dialog
  });

  it('suggests only a base name with the right extension', () => {
    expect(withExtension('../../x', 'json')).toBe('x.json');
    expect(withExtension('C:\\Users\\a\\b.PNG', 'png')).toBe('b.PNG');
    expect(withExtension('a:b?c', 'csv')).toBe('a_b_c.csv');
    expect(withExtension('', 'neuroloom')).toBe('Untitled.neuroloom');
  });

  it('grants only file data paths a project names', () => {
    const project = JSON.parse(projectText());
    expect(dataPathsOf(JSON.stringify({ ...project, dataset: { source: 'file', path: '/a.csv', testPath: '/b.csv' } }))).toEqual(['/a.csv', '/b.csv']);
    expect(dataPathsOf(JSON.stringify({ ...project, dataset: { source: 'builtin', name: 'xor' } }))).toEqual([]);
    expect(dataPathsOf('not json')).toEqual([]);
  });
});

describe('crash recovery', () => {
  it('autosaves per window, offers back only what another session left, and forgets a clean close', async () => {
    const { h, session, recovery } = await setup();
    session.setDocumentState('Mine.neuroloom', true);
    await h.autosave(session, projectText('Mine'));
    expect(await h.recoverable(session)).toEqual([]); // this session's own file is not a crash

    // The same folder seen by the next session, as after a crash.
    const next = new RecoveryStore(recovery.dir, OTHER_SESSION_ID);
    const offered = await next.list();
    expect(offered).toEqual([{ id: `${SESSION_ID}-1`, name: 'Mine.neuroloom', savedAt: expect.any(String), text: projectText('Mine') }]);
    await next.discard(offered[0].id);
    expect(await next.list()).toEqual([]);

    // Saved (the page reports a clean document): nothing left to recover.
    await h.autosave(session, projectText('Again'));
    expect(await next.list()).toHaveLength(1);
    createNoticeHandlers({ recovery }).setDocumentState(session, 'Mine.neuroloom', false);
    await new Promise((r) => setTimeout(r, 20));
    expect(await next.list()).toEqual([]);
    await expect(h.autosave(session, '{"truncated": ')).rejects.toThrow(/not valid JSON/);
  });

  it('sweeps temporary files from the recovery folder and skips damaged entries', async () => {
    const { recovery } = await setup();
    mkdirSync(recovery.dir, { recursive: true });
    writeFileSync(join(recovery.dir, `${OTHER_SESSION_ID}-2.json`), '{"format":"neuroloom-recovery","version":1,"name":"a","savedAt":"2026-01-01T00:00:00.000Z","text":"{}"}');
    writeFileSync(join(recovery.dir, `${OTHER_SESSION_ID}-3.json`), '{"format":"neuroloom-recov');
    writeFileSync(join(recovery.dir, `${OTHER_SESSION_ID}-2.json.2874651234`), 'half a file');
    const removed = await recovery.sweep();
    expect(removed.map((p) => p.slice(recovery.dir.length + 1))).toEqual([`${OTHER_SESSION_ID}-2.json.2874651234`]);
    expect((await recovery.list()).map((d) => d.id)).toEqual([`${OTHER_SESSION_ID}-2`]);
    await expect(recovery.discard('../recent')).rejects.toThrow(/not a recovery id/);
  });
});

describe('recent files', () => {
  it('keeps ten, newest first, without duplicates, and survives a damaged store', async () => {
    const { dir } = await setup();
    const store = join(dir, 'recent-store.json');
    const recent = new RecentFiles(store);
    await recent.load();
    for (let i = 0; i < 12; i++) await recent.add(join(dir, `f${i}.neuroloom`));
    await recent.add(join(dir, 'f5.neuroloom'));
    const again = new RecentFiles(store);
    await again.load();
    expect(again.list().map((p) => p.slice(dir.length + 1))).toEqual(['f5', 'f11', 'f10', 'f9', 'f8', 'f7', 'f6', 'f4', 'f3', 'f2'].map((n) => `${n}.neuroloom`));
    writeFileSync(store, '{"version":1,"paths":[');
    const damaged = new RecentFiles(store);
    await damaged.load();
    expect(damaged.list()).toEqual([]);
  });
});
