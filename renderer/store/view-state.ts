/**
 * The part of project.view the renderer understands: the open lesson, its
 * view settings and examples, and the layers a user expanded into neurons
 * (so they can be collapsed back). A project file is untrusted, so this is
 * read leniently: anything malformed is dropped, never thrown at the user.
 */
import { z } from 'zod';
import type { LessonExamples, LessonView, LessonViewSettings, ParameterValue } from '../../engine/lessons/types';

export interface ExpandedGroup {
  /** The neurons, in the layer's unit order. */
  neurons: string[];
  label: string;
}

export interface ViewState {
  view?: LessonView;
  /** Every view the lesson offers, `view` first. */
  views?: LessonView[];
  lesson?: { id: string; parameters: Record<string, ParameterValue> };
  settings?: LessonViewSettings;
  examples?: LessonExamples;
  /** Expanded layers by their former id. */
  groups?: Record<string, ExpandedGroup>;
}

const LESSON_VIEWS = ['function', 'surface', 'truthTable', 'training', 'backprop', 'activationPlot', 'gates', 'gradientVsK'] as const satisfies readonly LessonView[];

const range = z.tuple([z.number(), z.number()]).refine(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && a < b);
const schema = z.object({
  view: z.enum(LESSON_VIEWS).optional().catch(undefined),
  views: z.array(z.enum(LESSON_VIEWS)).max(20).optional().catch(undefined),
  lesson: z
    .object({ id: z.string().max(200), parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])) })
    .optional()
    .catch(undefined),
  settings: z
    .object({
      xRange: range.optional().catch(undefined),
      yRange: range.optional().catch(undefined),
      fixedInputs: z.array(z.number()).max(1000).optional().catch(undefined),
      target: z.string().max(200).optional().catch(undefined),
      probeNodes: z.array(z.string()).max(1000).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  examples: z
    .object({
      task: z.enum(['classification', 'regression']),
      inputs: z.array(z.array(z.number())).max(10_000),
      targets: z.array(z.array(z.number())).max(10_000).optional(),
      inputNames: z.array(z.string()).optional(),
      outputNames: z.array(z.string()).optional(),
    })
    .optional()
    .catch(undefined),
  groups: z
    .record(z.string(), z.object({ neurons: z.array(z.string()).max(64), label: z.string().max(500) }))
    .optional()
    .catch(undefined),
});

/**
 * Read once per view object: the inspector asks on every render (which
 * group a neuron is in), and parsing it again on every frame of a slider
 * drag costs time for nothing. View objects are replaced, never changed, so
 * the answer is shared: callers must not change it either.
 */
const read = new WeakMap<object, ViewState>();

export function readViewState(view: Readonly<Record<string, unknown>>): ViewState {
  const keyed = typeof view === 'object' && view !== null;
  const known = keyed ? read.get(view) : undefined;
  if (known) return known;
  const parsed = schema.safeParse(view);
  const out: ViewState = {};
  if (parsed.success) for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  if (keyed) read.set(view, out);
  return out;
}
