/**
 * Opening a lesson as a project: from then on it is an ordinary project that
 * the user edits, trains and saves like any other.
 */
import { DEFAULT_HYPERPARAMETERS, newProject, type Project } from '../project';
import { resolveParameters } from './define';
import type { LessonDefinition, LessonExamples, LessonView, LessonViewSettings, ParameterValue } from './types';

/** What a lesson writes into project.view so the app can reopen its view, controls and examples. */
export interface LessonProjectView {
  view: LessonView;
  /** Every view the lesson wants, `view` first (present when the lesson names more than one). */
  views?: LessonView[];
  lesson: { id: string; parameters: Record<string, ParameterValue> };
  settings?: LessonViewSettings;
  examples?: LessonExamples;
}

export function lessonProject(lesson: LessonDefinition, params: Readonly<Record<string, unknown>> = {}): Project {
  const built = lesson.build(params);
  const parameters = resolveParameters(lesson.id, lesson.parameters, params);
  const view: LessonProjectView = {
    view: lesson.view,
    ...(lesson.views ? { views: [...lesson.views] } : {}),
    lesson: { id: lesson.id, parameters },
    ...(built.view ? { settings: built.view } : {}),
    ...(built.examples ? { examples: built.examples } : {}),
  };
  return newProject(built.network, lesson.title, {
    dataset: built.dataset ? { source: 'builtin', name: built.dataset, ...(built.sequence ? { sequence: { ...built.sequence } } : {}) } : null,
    hyperparameters: { ...DEFAULT_HYPERPARAMETERS, ...built.hyperparameters },
    view: { ...view },
    ...(built.seed !== undefined ? { seed: built.seed } : {}),
  });
}
