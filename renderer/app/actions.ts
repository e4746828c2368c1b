/** What the toolbar, menus, shortcuts, palette and command palette do (made by use-actions.ts). */
import type { NodeKind, Position } from '../../engine/document';

export interface AppActions {
  newFromTemplate(id: string): void;
  openProject(): Promise<void>;
  save(saveAs: boolean): Promise<void>;
  importNetwork2(): Promise<void>;
  exportNetwork2(): Promise<void>;
  openLesson(id: string): void;
  /** Places a node of this kind in the middle of the visible canvas (keyboard and palette clicks). */
  addNodeAtCentre(kind: NodeKind): void;
  addNodeAt(kind: NodeKind, position: Position): void;
  undo(): void;
  redo(): void;
  cut(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  deleteSelection(): void;
  selectAll(): void;
  zoomIn(): void;
  zoomOut(): void;
  fitView(): void;
  autoLayout(): Promise<void>;
}
