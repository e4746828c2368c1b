/** Sigmoid and tanh beside their slopes (the tanh lesson of chapter 5), from the engine's own activation records. */
import { memo, useMemo } from 'react';
import { activationCurves } from '../../engine/lessons/index';
import { SERIES_COLOURS } from '../app/colours';
import { LinePlot, type PlotSeries } from './LinePlot';
import { useSize } from './use-size';

export const ActivationPlotView = memo(function ActivationPlotView() {
  const { ref: box, width, height } = useSize<HTMLDivElement>();
  const series = useMemo((): PlotSeries[] => {
    const { z, curves } = activationCurves(-4, 4, 161);
    return curves.flatMap((c, i) => [
      { key: `${c.name}`, label: c.name === 'sigmoid' ? 'σ(z)' : 'tanh(z)', xs: z, ys: c.value, colour: SERIES_COLOURS[i], width: 2.5 },
      { key: `${c.name}'`, label: c.name === 'sigmoid' ? 'σ′(z)' : 'tanh′(z)', xs: z, ys: c.slope, colour: SERIES_COLOURS[i], width: 1.5, dash: '5 4' },
    ]);
  }, []);
  return (
    <div className="nl-function-view">
      <div className="nl-view-bar">
        <span className="nl-legend">
          {series.map((s) => (
            <span key={s.key} className="nl-legend-item">
              <span className="nl-swatch" style={{ background: s.colour, opacity: s.dash ? 0.6 : 1 }} />
              {s.label}
            </span>
          ))}
        </span>
      </div>
      <div className="nl-plots" ref={box}>
        {width > 0 && (
          <LinePlot width={width} height={Math.max(120, height - 4)} xDomain={[-4, 4]} yDomain={[-1.1, 1.1]} series={series} xLabel="z" yLabel="f(z), f′(z)" title="Sigmoid and tanh with their slopes" />
        )}
      </div>
    </div>
  );
});
