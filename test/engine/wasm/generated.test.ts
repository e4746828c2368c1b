/** engine/wasm/generated/ is build output: it must be what the WAT generator makes now. */
import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import * as f32 from '../../../engine/wasm/generated/kernel-float32';
import * as f32fma from '../../../engine/wasm/generated/kernel-float32-fma';
import * as f64 from '../../../engine/wasm/generated/kernel-float64';
import * as f64fma from '../../../engine/wasm/generated/kernel-float64-fma';
import { DEFAULT_SHAPE, kernelWat } from '../../../engine/wasm/wat/kernel';

describe('generated kernels', () => {
  it('match the WAT generator (run `npm run build:wasm` after changing engine/wasm/wat)', async () => {
    const wabt = await wabtInit();
    const builds = [
      ['float32', false, f32],
      ['float64', false, f64],
      ['float32', true, f32fma],
      ['float64', true, f64fma],
    ] as const;
    for (const [precision, fma, generated] of builds) {
      const module = wabt.parseWat(`kernel-${precision}.wat`, kernelWat(precision, DEFAULT_SHAPE, fma), { simd: true, relaxed_simd: fma });
      module.validate();
      const bytes = module.toBinary({}).buffer;
      module.destroy();
      expect(generated.byteLength, `${precision} fma ${fma}`).toBe(bytes.length);
      expect(generated.bytesBase64 === Buffer.from(bytes).toString('base64'), `${precision} fma ${fma} is stale`).toBe(true);
    }
  });
});
