/**
 * What a lesson is: a named construction of the seed that builds a network
 * document from a few typed, range-checked parameters, so the canvas can
 * render controls and rebuild the lesson whenever a user changes one.
 */
import type { NetworkDocument } from '../document';
import type { Hyperparameters, SequenceSettings } from '../project';

/**
 * 'gates': one sequence played through a recurrent network, every gate at
 * every step (recurrent/trace.ts traceSequence). 'gradientVsK': ||dC/dx_1||
 * against the delay k (recurrent/vanishing.ts gradientAtFirstStep).
 */
export type LessonView = 'function' | 'surface' | 'truthTable' | 'training' | 'backprop' | 'activationPlot' | 'gates' | 'gradientVsK';

interface ParameterBase {
  /** Key in the values object. */
  name: string;
  /** Short label for the control. */
  label: string;
  /** One sentence a UI can show as help. */
  description: string;
}

export interface NumberParameter extends ParameterBase {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** A sensible slider step. */
  step: number;
  /** A slider on a log scale suits ranges over several decades (c, w, h). */
  scale?: 'linear' | 'log';
}

export interface IntegerParameter extends ParameterBase {
  kind: 'integer';
  default: number;
  min: number;
  max: number;
  /** Allowed values are min, min + step, ... (2 for "an even number of neurons"). */
  step: number;
}

export interface ChoiceParameter extends ParameterBase {
  kind: 'choice';
  default: string;
  options: readonly { value: string; label: string }[];
}

export interface BooleanParameter extends ParameterBase {
  kind: 'boolean';
  default: boolean;
}

export type ParameterSpec = NumberParameter | IntegerParameter | ChoiceParameter | BooleanParameter;
export type ParameterValue = number | string | boolean;
export type ParameterValues = Readonly<Record<string, ParameterValue>>;

/** The value type a spec produces; a choice yields the union of its option values. */
export type ValueOf<S extends ParameterSpec> = S extends { kind: 'number' | 'integer' }
  ? number
  : S extends { kind: 'boolean' }
    ? boolean
    : S extends { options: readonly { value: infer V }[] }
      ? V
      : never;

export type ValuesOf<T extends readonly ParameterSpec[]> = { [S in T[number] as S['name']]: ValueOf<S> };

/** Names of the built-in datasets a lesson may pick (resolved by the dataset registry). */
export type BuiltinDatasetName = 'f1d' | 'f2d-sincos' | 'digits' | 'delayed-recall';

/**
 * A handful of examples that belong to the lesson itself (one training
 * example, the rows of a truth table). They are too small to be a dataset
 * file and exist only for this lesson.
 */
export interface LessonExamples {
  task: 'classification' | 'regression';
  /** One row per example; each row has the network's input size. */
  inputs: number[][];
  /** One row per example, the Output's size; absent when there is nothing to learn (a truth table to read). */
  targets?: number[][];
  /** Names of the input columns and output columns, for a table header. */
  inputNames?: string[];
  outputNames?: string[];
}

/** Hints for the view the lesson opens in. */
export interface LessonViewSettings {
  /** Domain of the first input (function and surface views). */
  xRange?: [number, number];
  /** Domain of the second input (surface view). */
  yRange?: [number, number];
  /** Values for inputs beyond the first two, so a surface view can show a slice of an m-input network. */
  fixedInputs?: number[];
  /** A named target to draw beside the network's output (function view: the seed's f). */
  target?: string;
  /** Node ids whose activations the view should show (e.g. a read-out layer beside the Output). */
  probeNodes?: string[];
}

export interface LessonBuild {
  network: NetworkDocument;
  dataset?: BuiltinDatasetName;
  /** Settings of a generated sequence set (the dataset choice's `sequence`). */
  sequence?: SequenceSettings;
  examples?: LessonExamples;
  hyperparameters?: Partial<Hyperparameters>;
  /**
   * The seed the initial weights were drawn with, for lessons that draw them
   * (initialiseDocument(network, hyperparameters.init, seed) gives them back
   * for the digit networks).
   */
  seed?: number;
  view?: LessonViewSettings;
}

export interface LessonDefinition {
  id: string;
  title: string;
  /** Chapter of the seed (and of Nielsen's book). */
  chapter: number;
  /** One line for the gallery card. */
  summary: string;
  /** A few short paragraphs: what to look at, what to try. */
  explanation: string[];
  /** The view the lesson opens in. */
  view: LessonView;
  /** Every view the lesson wants, in the order to offer them, `view` first; absent means `view` alone. */
  views?: readonly LessonView[];
  parameters: readonly ParameterSpec[];
  /** Missing values take their defaults; bad values throw a LessonParameterError. */
  build(params?: Readonly<Record<string, unknown>>): LessonBuild;
}

/** A parameter value a lesson cannot use, with the lesson and parameter named. */
export class LessonParameterError extends Error {
  constructor(
    message: string,
    readonly lessonId: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'LessonParameterError';
  }
}
