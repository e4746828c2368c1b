/** The lesson gallery: every construction of the seed, by chapter, each opened as a ready network. */
import { memo } from 'react';
import { lessons } from '../../engine/lessons/index';
import { Modal } from '../app/Modal';

export const CHAPTERS: Readonly<Record<number, string>> = {
  1: 'Perceptrons, sigmoid neurons and digits',
  2: 'How backpropagation works',
  3: 'Improving the way networks learn',
  4: 'Neural networks can compute any function',
  5: 'Why deep networks are hard to train',
};

const VIEW_LABEL: Readonly<Record<string, string>> = {
  function: 'function view',
  surface: 'surface view',
  truthTable: 'truth table',
  training: 'training',
  backprop: 'backprop trace',
  activationPlot: 'activation plot',
  gates: 'gate view',
  gradientVsK: 'gradient against k',
};

export const LessonGallery = memo(function LessonGallery({ onOpen, onClose }: { onOpen(id: string): void; onClose(): void }) {
  const chapters = [...new Set(lessons.map((l) => l.chapter))].sort((a, b) => a - b);
  return (
    <Modal title="Lessons" onClose={onClose} wide testId="lesson-gallery">
      <p className="nl-hint">Each lesson opens one construction of the book as a network you can change. Your current network is replaced (you are asked first if it has unsaved changes).</p>
      {chapters.map((ch) => (
        <section key={ch} className="nl-gallery-chapter">
          <h3>
            Chapter {ch} · {CHAPTERS[ch] ?? ''}
          </h3>
          <ul className="nl-gallery">
            {lessons
              .filter((l) => l.chapter === ch)
              .map((l) => (
                <li key={l.id}>
                  <button type="button" className="nl-card" onClick={() => onOpen(l.id)} data-testid={`lesson-${l.id}`}>
                    <span className="nl-card-title">{l.title}</span>
                    <span className="nl-card-summary">{l.summary}</span>
                    <span className="nl-card-meta">{(l.views ?? [l.view]).map((v) => VIEW_LABEL[v] ?? v).join(', ')}{l.parameters.length > 0 ? ` · ${l.parameters.length} control${l.parameters.length === 1 ? '' : 's'}` : ''}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Modal>
  );
});
