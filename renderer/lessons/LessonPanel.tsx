/**
 * The open lesson beside the canvas: its explanation and its controls.
 * A control rebuilds the lesson's network (one undo step per drag); nodes
 * keep where the user put them as long as the network keeps its shape.
 */
import { memo, useState } from 'react';
import type { NetworkDocument } from '../../engine/document';
import { findLesson, resolveParameters } from '../../engine/lessons/index';
import type { LessonBuild, LessonDefinition, ParameterValue } from '../../engine/lessons/types';
import { DEFAULT_HYPERPARAMETERS } from '../../engine/project';
import { useDocStore, useRuntimeStore } from '../store/context';
import { useTrainingStore } from '../training';
import { useViewState } from '../views/use-view-state';
import { CHAPTERS } from './LessonGallery';
import { LessonControl } from './LessonControls';

/** What a lesson build asks of training, to tell whether a parameter changed it (the digits' recipe does). */
function trainingChoice(built: LessonBuild): string {
  return JSON.stringify([built.dataset ?? null, built.hyperparameters ?? null]);
}

/** The rebuilt network, with the old positions when it has the same nodes. */
export function keepPositions(next: NetworkDocument, old: NetworkDocument): NetworkDocument {
  if (next.nodes.length !== old.nodes.length) return next;
  const at = new Map(old.nodes.map((n) => [n.id, n.position]));
  if (next.nodes.some((n) => !at.has(n.id))) return next;
  return { ...next, nodes: next.nodes.map((n) => ({ ...n, position: at.get(n.id) ?? n.position })) };
}

export const LessonPanel = memo(function LessonPanel() {
  const view = useViewState();
  const lesson = view.lesson ? findLesson(view.lesson.id) : undefined;
  const [open, setOpen] = useState(true);
  if (!lesson || !view.lesson) return null;
  return (
    <section className="nl-lesson" aria-labelledby="lesson-title" data-testid="lesson-panel">
      <header className="nl-lesson-header">
        <span className="nl-badge">Chapter {lesson.chapter}</span>
        <button type="button" className="nl-icon-button" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? 'Fold the lesson' : 'Unfold the lesson'}>
          {open ? 'Fold' : 'Unfold'}
        </button>
      </header>
      <h2 id="lesson-title">{lesson.title}</h2>
      {open && (
        <>
          <p className="nl-lesson-chapter">{CHAPTERS[lesson.chapter]}</p>
          <div className="nl-lesson-text">
            {lesson.explanation.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
          {lesson.parameters.length > 0 && <LessonParameters lesson={lesson} values={view.lesson.parameters} />}
        </>
      )}
    </section>
  );
});

function LessonParameters({ lesson, values }: { lesson: LessonDefinition; values: Record<string, ParameterValue> }) {
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const training = useTrainingStore();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const current = { ...Object.fromEntries(lesson.parameters.map((p) => [p.name, p.default])), ...values };
  const change = (name: string, value: ParameterValue, gesture: string | null): void => {
    const next = { ...current, [name]: value };
    let built;
    let parameters;
    try {
      built = lesson.build(next);
      parameters = resolveParameters(lesson.id, lesson.parameters, next);
    } catch (e) {
      setErrors({ [name]: (e as Error).message.replace(/^lesson "[^"]+":\s*/, '') });
      return;
    }
    setErrors({});
    const r = docs.getState().edit(
      `Lesson: ${name}`,
      ({ doc, meta }) => ({
        doc: keepPositions(built.network, doc),
        meta: {
          ...meta,
          view: {
            ...meta.view,
            view: lesson.view,
            lesson: { id: lesson.id, parameters },
            ...(built.view ? { settings: built.view } : {}),
            ...(built.examples ? { examples: built.examples } : {}),
          },
        },
      }),
      gesture ? { coalesce: `lesson:${name}:${gesture}` } : {},
    );
    if (!r.ok) {
      runtime.getState().notify(r.reason, 'error');
      return;
    }
    // A parameter that changes the lesson's recipe changes what Train does; other settings the user chose stay.
    let before: LessonBuild | null = null;
    try {
      before = lesson.build(current);
    } catch {
      before = null;
    }
    if (before && trainingChoice(before) !== trainingChoice(built)) {
      const t = training.getState();
      t.setHyperparameters({ ...DEFAULT_HYPERPARAMETERS, ...built.hyperparameters });
      if (built.dataset) t.setDataset({ source: 'builtin', name: built.dataset });
    }
  };
  return (
    <div className="nl-lesson-controls">
      <h3 className="nl-section-title">Try it</h3>
      {lesson.parameters.map((spec) => (
        <LessonControl key={spec.name} spec={spec} value={current[spec.name]} error={errors[spec.name] ?? null} onChange={(v, g) => change(spec.name, v, g)} />
      ))}
    </div>
  );
}
