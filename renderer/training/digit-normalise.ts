/**
 * A drawn digit made to look like an MNIST digit. MNIST's images were scaled
 * to fit a 20x20 box, keeping their aspect ratio, with anti-aliasing, then
 * placed in the 28x28 field so that their centre of mass sits at its centre
 * (LeCun, Cortes and Burges, the MNIST database page). A network trained on
 * MNIST reads a drawing far better once it has been through the same steps.
 */
export const FIELD = 28;
export const BOX = 20;
/** Ink below this is the background (a stray anti-aliased edge pixel). */
const INK = 0.05;

/**
 * `ink` is width x height values in [0, 1] (row-major, 1 = full ink); the
 * result is 28x28 values in [0, 1]. An empty drawing gives all zeros.
 */
export function normaliseDigit(ink: ArrayLike<number>, width: number, height: number): Float32Array {
  const out = new Float32Array(FIELD * FIELD);
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > INK) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return out;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const scale = BOX / Math.max(w, h);
  const tw = Math.max(1, Math.round(w * scale));
  const th = Math.max(1, Math.round(h * scale));
  const box = resampleArea(ink, width, x0, y0, w, h, tw, th);

  // Centre of mass in pixel indices, moved onto pixel (14, 14): where MNIST's own digits have it.
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const v = box[y * tw + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  const ox = Math.round(FIELD / 2 - mx / mass);
  const oy = Math.round(FIELD / 2 - my / mass);
  for (let y = 0; y < th; y++) {
    const fy = y + oy;
    if (fy < 0 || fy >= FIELD) continue;
    for (let x = 0; x < tw; x++) {
      const fx = x + ox;
      if (fx < 0 || fx >= FIELD) continue;
      out[fy * FIELD + fx] = Math.min(1, box[y * tw + x]);
    }
  }
  return out;
}

/**
 * The w x h region at (x0, y0) of `src` averaged down (or up) to tw x th:
 * each target pixel is the mean of the source area it covers, partial
 * source pixels weighted by the part covered. That is the anti-aliasing.
 */
function resampleArea(src: ArrayLike<number>, stride: number, x0: number, y0: number, w: number, h: number, tw: number, th: number): Float32Array {
  const out = new Float32Array(tw * th);
  const sx = w / tw;
  const sy = h / th;
  for (let ty = 0; ty < th; ty++) {
    const top = ty * sy;
    const bottom = top + sy;
    for (let tx = 0; tx < tw; tx++) {
      const left = tx * sx;
      const right = left + sx;
      let sum = 0;
      for (let y = Math.floor(top); y < Math.min(h, Math.ceil(bottom)); y++) {
        const cy = Math.min(bottom, y + 1) - Math.max(top, y);
        if (cy <= 0) continue;
        for (let x = Math.floor(left); x < Math.min(w, Math.ceil(right)); x++) {
          const cx = Math.min(right, x + 1) - Math.max(left, x);
          if (cx <= 0) continue;
          sum += cx * cy * src[(y0 + y) * stride + x0 + x];
        }
      }
      out[ty * tw + tx] = sum / (sx * sy);
    }
  }
  return out;
}
