/**
 * Two-class sets in the plane, as TensorFlow Playground makes them
 * (playground's dataset.ts, Apache-2.0): points in about [-6, 6]², label 1 for
 * the playground's "positive" class and 0 for its "negative" one, one output
 * unit (y = label). Noise runs from 0 to 0.5, the playground's 0 to 50 slider.
 * Examples are shuffled with the same Rng, so any prefix holds both classes.
 */
import type { Dataset } from './dataset';
import { InputError } from '../errors';
import type { Rng } from '../rng';

export type ToyName = 'xor' | 'circle' | 'gauss' | 'spiral';
export const TOY_NAMES: readonly ToyName[] = ['xor', 'circle', 'gauss', 'spiral'];

export interface ToyOptions {
  /** Number of points (default 500). */
  count?: number;
  /** 0 (default) to 0.5. */
  noise?: number;
}

export const TOY_DEFAULT_COUNT = 500;

type Point = [x: number, y: number, label: 0 | 1];
type Generator = (count: number, noise: number, rng: Rng) => Point[];

const RADIUS = 5;

const GENERATORS: Record<ToyName, Generator> = {
  xor(count, noise, rng) {
    const padding = 0.3;
    const points: Point[] = [];
    for (let i = 0; i < count; i++) {
      let x = rng.uniform(-RADIUS, RADIUS);
      x += x > 0 ? padding : -padding;
      let y = rng.uniform(-RADIUS, RADIUS);
      y += y > 0 ? padding : -padding;
      const nx = rng.uniform(-RADIUS, RADIUS) * noise;
      const ny = rng.uniform(-RADIUS, RADIUS) * noise;
      points.push([x + nx, y + ny, (x + nx) * (y + ny) >= 0 ? 1 : 0]);
    }
    return points;
  },
  circle(count, noise, rng) {
    const points: Point[] = [];
    const ring = (n: number, rLo: number, rHi: number): void => {
      for (let i = 0; i < n; i++) {
        const r = rng.uniform(rLo, rHi);
        const angle = rng.uniform(0, 2 * Math.PI);
        const x = r * Math.sin(angle);
        const y = r * Math.cos(angle);
        const nx = rng.uniform(-RADIUS, RADIUS) * noise;
        const ny = rng.uniform(-RADIUS, RADIUS) * noise;
        // As the playground does: the label comes from the noisy point.
        const inside = Math.hypot(x + nx, y + ny) < RADIUS * 0.5;
        points.push([x, y, inside ? 1 : 0]);
      }
    };
    ring(Math.floor(count / 2), 0, RADIUS * 0.5);
    ring(count - Math.floor(count / 2), RADIUS * 0.7, RADIUS);
    return points;
  },
  gauss(count, noise, rng) {
    // The playground's scale maps noise 0..0.5 to variance 0.5..4.
    const sd = Math.sqrt(0.5 + (3.5 * noise) / 0.5);
    const points: Point[] = [];
    const blob = (n: number, cx: number, cy: number, label: 0 | 1): void => {
      for (let i = 0; i < n; i++) points.push([cx + sd * rng.normal(), cy + sd * rng.normal(), label]);
    };
    blob(Math.floor(count / 2), 2, 2, 1);
    blob(count - Math.floor(count / 2), -2, -2, 0);
    return points;
  },
  spiral(count, noise, rng) {
    const points: Point[] = [];
    const arm = (n: number, deltaT: number, label: 0 | 1): void => {
      for (let i = 0; i < n; i++) {
        const r = (i / n) * RADIUS;
        const t = ((1.75 * i) / n) * 2 * Math.PI + deltaT;
        const x = r * Math.sin(t) + rng.uniform(-1, 1) * noise;
        const y = r * Math.cos(t) + rng.uniform(-1, 1) * noise;
        points.push([x, y, label]);
      }
    };
    arm(Math.floor(count / 2), 0, 1);
    arm(count - Math.floor(count / 2), Math.PI, 0);
    return points;
  },
};

export const TOY_DESCRIPTIONS: Record<ToyName, { label: string; description: string }> = {
  xor: { label: 'XOR', description: 'Points in the four quadrants; class 1 where x and y have the same sign' },
  circle: { label: 'Circle', description: 'Class 1 inside a disc of radius 2.5, class 0 on a ring from 3.5 to 5 around it' },
  gauss: { label: 'Two Gaussians', description: 'Two Gaussian blobs at (2, 2) (class 1) and (-2, -2) (class 0)' },
  spiral: { label: 'Spiral', description: 'Two interleaved spiral arms, one per class' },
};

export function toyDataset(name: ToyName, rng: Rng, options: ToyOptions = {}): Dataset {
  const count = options.count ?? TOY_DEFAULT_COUNT;
  const noise = options.noise ?? 0;
  if (!(Number.isInteger(count) && count >= 2)) throw new InputError(`${name}: the number of points must be a whole number >= 2, got ${count}`);
  if (!(Number.isFinite(noise) && noise >= 0 && noise <= 0.5)) throw new InputError(`${name}: noise must be between 0 and 0.5, got ${noise}`);
  const points = rng.shuffle(GENERATORS[name](count, noise, rng));
  const x = new Float64Array(count * 2);
  const y = new Float64Array(count);
  const labels = new Uint8Array(count);
  points.forEach(([px, py, label], i) => {
    x[2 * i] = px;
    x[2 * i + 1] = py;
    y[i] = label;
    labels[i] = label;
  });
  return { name, task: 'classification', inputSize: 2, outputSize: 1, count, x, y, labels, classNames: ['0', '1'] };
}

export function isToyName(name: string): name is ToyName {
  return (TOY_NAMES as readonly string[]).includes(name);
}
