/** The engine must stay pure: the lint step refuses Node, Electron, app layers and Math.random there. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('engine purity lint', () => {
  it.each([
    ["import { readFileSync } from 'fs';", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ["import { app } from 'electron';", 'no-restricted-imports'],
    ["import { x } from '../renderer/store';", 'no-restricted-imports'],
    ["import { x } from '../electron/main/app';", 'no-restricted-imports'],
    ['export const r = Math.random();', 'no-restricted-properties'],
    ['export const w = window.innerWidth;', 'no-restricted-globals'],
    ['export const e = process.env;', 'no-restricted-globals'],
  ])('refuses %s in engine/', async (code, rule) => {
    expect(await ruleIds(code, 'engine/probe.ts')).toContain(rule);
  });

  it('allows pure code in engine/ and Node built-ins outside it', async () => {
    expect(await ruleIds("import { z } from 'zod';\nexport const s = z.string();\n", 'engine/probe.ts')).toEqual([]);
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'cli/probe.ts')).toEqual([]);
  });
});
