/** A titled frame around a view, with its export buttons (PNG of the view, CSV of the numbers). */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useExportFile } from '../context';
import { elementToPng, fileStem, registerFrameExport } from '../export';
import '../training.css';

export interface ChartFrameProps {
  title: string;
  /** The numbers behind the view, as CSV. */
  csv?: () => string;
  /** Controls shown beside the title. */
  tools?: ReactNode;
  /** Offer a PNG (not for HTML tables, which a canvas cannot draw). */
  png?: boolean;
  children: ReactNode;
  testId?: string;
}

export function ChartFrame({ title, csv, tools, png = true, children, testId }: ChartFrameProps) {
  const frame = useRef<HTMLElement>(null);
  const exportFile = useExportFile();
  const [problem, setProblem] = useState<string | null>(null);
  const run = (fn: () => Promise<unknown>): Promise<void> => {
    setProblem(null);
    return fn().then(
      () => undefined,
      (e: unknown) => setProblem(`Export failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const savePng = (): Promise<void> => run(async () => frame.current && exportFile(`${fileStem(title)}.png`, await elementToPng(frame.current), 'png'));
  // The app's "Export chart" command calls the latest savePng of the frame on screen.
  const latest = useRef(savePng);
  useEffect(() => {
    latest.current = savePng;
  });
  useEffect(() => {
    const el = frame.current;
    if (!el || !png) return;
    return registerFrameExport(el, () => latest.current());
  }, [png]);
  return (
    <section
      ref={frame}
      className="nl-tr-frame"
      aria-label={title}
      data-testid={testId}
      data-chart-frame={png ? '' : undefined}
      data-export-none={png ? undefined : `“${title}” is a table, not a chart: its CSV button saves it.`}
    >
      <header className="nl-tr-frame-head">
        <h3 className="nl-tr-frame-title">{title}</h3>
        <div className="nl-tr-frame-tools">
          {tools}
          {png && (
            <button
              type="button"
              className="nl-tr-button is-small"
              title={`Save “${title}” as a PNG image`}
              onClick={() => void savePng()}
            >
              PNG
            </button>
          )}
          {csv && (
            <button type="button" className="nl-tr-button is-small" title={`Save the numbers of “${title}” as CSV`} onClick={() => void run(() => exportFile(`${fileStem(title)}.csv`, csv(), 'csv'))}>
              CSV
            </button>
          )}
        </div>
      </header>
      {problem && (
        <p className="nl-tr-error" role="alert">
          {problem}
        </p>
      )}
      <div className="nl-tr-frame-body" data-export-body>
        {children}
      </div>
    </section>
  );
}
