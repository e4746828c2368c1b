/**
 * defineLesson: ties a list of parameter specs to a typed builder. The
 * registry hands untyped values from a UI or a file; they are checked against
 * the specs (type, range, step, options) and completed with defaults before
 * the builder sees them, so every builder can trust its arguments.
 */
import {
  LessonParameterError,
  type LessonBuild,
  type LessonDefinition,
  type LessonView,
  type NumberParameter,
  type ParameterSpec,
  type ParameterValue,
  type ValuesOf,
} from './types';

export interface LessonSource<T extends readonly ParameterSpec[]> {
  id: string;
  title: string;
  chapter: number;
  summary: string;
  explanation: string[];
  view: LessonView;
  views?: readonly LessonView[];
  parameters: T;
  /** Checks that involve several parameters (s1 < s2); returns a message or null. */
  check?: (values: ValuesOf<T>) => string | null;
  build: (values: ValuesOf<T>) => LessonBuild;
}

export function defineLesson<const T extends readonly ParameterSpec[]>(source: LessonSource<T>): LessonDefinition {
  const { id, title, chapter, summary, explanation, view, views, parameters } = source;
  return {
    id,
    title,
    chapter,
    summary,
    explanation,
    view,
    ...(views ? { views } : {}),
    parameters,
    build(params = {}) {
      const values = resolveParameters(id, parameters, params) as ValuesOf<T>;
      const problem = source.check?.(values);
      if (problem) throw new LessonParameterError(`lesson "${id}": ${problem}`, id);
      return source.build(values);
    },
  };
}

/** Defaults for every parameter. */
export function defaultValues(specs: readonly ParameterSpec[]): Record<string, ParameterValue> {
  return Object.fromEntries(specs.map((s) => [s.name, s.default]));
}

/** Checks given values against the specs and fills in defaults. */
export function resolveParameters(
  lessonId: string,
  specs: readonly ParameterSpec[],
  given: Readonly<Record<string, unknown>>,
): Record<string, ParameterValue> {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new LessonParameterError(`lesson "${lessonId}": parameters must be an object of name: value`, lessonId);
  }
  const known = new Set(specs.map((s) => s.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const list = specs.map((s) => s.name).join(', ') || 'none';
      throw new LessonParameterError(`lesson "${lessonId}" has no parameter "${name}" (it has: ${list})`, lessonId, name);
    }
  }
  const values: Record<string, ParameterValue> = {};
  for (const spec of specs) {
    const raw = Object.prototype.hasOwnProperty.call(given, spec.name) ? given[spec.name] : undefined;
    values[spec.name] = raw === undefined ? spec.default : checkValue(lessonId, spec, raw);
  }
  return values;
}

function checkValue(lessonId: string, spec: ParameterSpec, raw: unknown): ParameterValue {
  const fail = (why: string): never => {
    throw new LessonParameterError(`lesson "${lessonId}": parameter "${spec.name}" (${spec.label}) ${why}`, lessonId, spec.name);
  };
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(`must be a finite number, got ${describe(raw)}`);
      if (raw < spec.min || raw > spec.max) return fail(`must be between ${spec.min} and ${spec.max}, got ${raw}`);
      if (spec.kind === 'integer') {
        if (!Number.isInteger(raw)) return fail(`must be a whole number, got ${raw}`);
        if ((raw - spec.min) % spec.step !== 0) return fail(`must be ${spec.min} plus a multiple of ${spec.step}, got ${raw}`);
      }
      return raw;
    }
    case 'choice': {
      if (typeof raw !== 'string' || !spec.options.some((o) => o.value === raw)) {
        return fail(`must be one of ${spec.options.map((o) => `"${o.value}"`).join(', ')}, got ${describe(raw)}`);
      }
      return raw;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') return fail(`must be true or false, got ${describe(raw)}`);
      return raw;
  }
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') return `"${raw.length > 40 ? `${raw.slice(0, 40)}...` : raw}"`;
  if (typeof raw === 'number' || typeof raw === 'boolean' || raw === null || raw === undefined) return String(raw);
  return Array.isArray(raw) ? 'a list' : 'an object';
}

/** A number parameter whose name stays a literal type, for specs made by a helper. */
export function numberParameter<const N extends string>(spec: Omit<NumberParameter, 'kind'> & { name: N }): NumberParameter & { name: N } {
  return { kind: 'number', ...spec };
}
