/**
 * The React Flow canvas. Nodes and edges are derived from the document on
 * every change (the mapper reuses what did not change); React Flow's change
 * events are turned back into document edits, selection and measured sizes.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import type { Position } from '../../engine/document';
import { canConnect } from '../graph/connect-rules';
import type { FlowNode, Size } from '../graph/flow-types';
import { FlowMapper } from '../graph/mapping';
import { isNodeKind } from '../graph/node-kinds';
import { layoutPositions } from '../graph/layout';
import { moveNodes } from '../graph/edit';
import { useDoc, useDocStore, useRuntime, useRuntimeStore } from '../store/context';
import { CANVAS_ID, performanceMark, type AppActions } from '../app/use-actions';
import { ConnectionLine } from './ConnectionLine';
import { rulesFor } from './connection-rules-for';
import { EdgeOverview, OVERVIEW_LEAVE, useOverview } from './EdgeOverview';
import { EmptyCanvas } from './EmptyCanvas';
import { edgeTypes, nodeTypes } from './flow-types-registry';
import { PALETTE_MIME } from './Palette';
import { LiveEdges, type CanvasEdge } from './live-edges';
import { useEdgeHandover } from './use-edge-handover';
import { useTargetSize } from './use-target-size';
import type { ColorMode } from '@xyflow/react';

let gestureCounter = 0;

const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP: [number, number] = [20, 20];
const FAR_ZOOM = 0.4;
/** Module level, so the minimap is not drawn again whenever the canvas renders. */
const miniClass = (n: FlowNode): string => `nl-mini-${n.type ?? ''}`;

export function Canvas({ actions, colorMode }: { actions: AppActions; colorMode: ColorMode }) {
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const flow = useReactFlow<FlowNode, CanvasEdge>();
  const doc = useDoc((s) => s.doc);
  const selection = useDoc((s) => s.selection);
  const sizes = useDoc((s) => s.sizes);
  const revision = useDoc((s) => s.revision);
  const layoutPending = useDoc((s) => s.layoutPending);
  const snapToGrid = useRuntime((s) => s.snapToGrid);
  const minimap = useRuntime((s) => s.minimap);
  const targetSize = useTargetSize();
  const mapper = useMemo(() => new FlowMapper(), []);
  const nodes = useMemo(() => mapper.nodes(doc, selection.nodes, sizes), [mapper, doc, selection.nodes, sizes]);
  const live = useMemo(() => new LiveEdges(), []);
  const mapped = useMemo(() => live.of(mapper.edges(doc, selection.edges)), [live, mapper, doc, selection.edges]);
  const overviewWanted = useOverview(doc);
  // Far out, text is a few pixels high: nodes are drawn as plain boxes, which also keeps zooming smooth.
  const far = useStore((st) => st.transform[2] < FAR_ZOOM);
  const { edges, overview } = useEdgeHandover(overviewWanted, mapped);
  // Big graphs mount only what is on screen; small ones skip the bookkeeping.
  const visibleOnly = doc.edges.length > OVERVIEW_LEAVE || doc.nodes.length > 200;
  const gesture = useRef<string | null>(null);
  const initialised = useNodesInitialized();

  // A newly opened project is laid out if it asked for it, then fitted to the view.
  const fittedRevision = useRef(-1);
  useEffect(() => {
    if (fittedRevision.current === revision) return;
    if (doc.nodes.length > 0 && !initialised) return;
    fittedRevision.current = revision;
    // React Flow queues a fit asked for before its nodes are measured and runs it when they are: on an empty
    // canvas that would be when the user drops the first node, zooming onto it. Nothing to fit, so no fit.
    if (doc.nodes.length === 0) {
      performanceMark('neuroloom:drawn');
      return;
    }
    const finish = (): void => {
      void flow.fitView({ padding: 0.15, duration: 0 }).then(() => {
        // Two frames: the first is painted by the time the second begins.
        requestAnimationFrame(() => requestAnimationFrame(() => performanceMark('neuroloom:drawn')));
      });
    };
    if (!layoutPending) {
      finish();
      return;
    }
    const s = docs.getState();
    void layoutPositions(s.doc, s.sizes).then((positions) => {
      const st = docs.getState();
      if (st.revision !== revision) return;
      const laid = moveNodes(st.doc, positions);
      // Part of opening, not an edit: no undo step, and not an unsaved change.
      docs.setState({ doc: laid, saved: { doc: laid, meta: st.meta }, layoutPending: false });
      requestAnimationFrame(finish);
    });
  }, [revision, initialised, layoutPending, doc.nodes.length, docs, flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const s = docs.getState();
      let nextSizes: Map<string, Size> | null = null;
      const positions = new Map<string, Position>();
      let dragEnded = false;
      let selectNodes: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          const old = s.sizes.get(c.id);
          if (!old || old.width !== c.dimensions.width || old.height !== c.dimensions.height) {
            nextSizes ??= new Map(s.sizes);
            nextSizes.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
          }
        } else if (c.type === 'position' && c.position) {
          positions.set(c.id, { x: Math.round(c.position.x), y: Math.round(c.position.y) });
          if (c.dragging === false) dragEnded = true;
        } else if (c.type === 'select') {
          selectNodes ??= new Set(s.selection.nodes);
          if (c.selected) selectNodes.add(c.id);
          else selectNodes.delete(c.id);
        }
      }
      if (nextSizes) s.setSizes(nextSizes);
      if (positions.size > 0) {
        gesture.current ??= `drag${++gestureCounter}`;
        s.moveNodes(positions, gesture.current);
        if (dragEnded) gesture.current = null;
      }
      if (selectNodes) docs.getState().select({ nodes: selectNodes, edges: docs.getState().selection.edges });
    },
    [docs],
  );

  const onNodeDragStop = useCallback(() => {
    gesture.current = null;
  }, []);

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      let selectEdges: Set<string> | null = null;
      const s = docs.getState();
      for (const c of changes) {
        if (c.type === 'select') {
          selectEdges ??= new Set(s.selection.edges);
          if (c.selected) selectEdges.add(c.id);
          else selectEdges.delete(c.id);
        }
      }
      if (selectEdges) s.select({ nodes: s.selection.nodes, edges: selectEdges });
    },
    [docs],
  );

  const rules = useCallback(
    (target: string) => rulesFor(docs.getState().doc, target, runtime.getState().reconnecting, targetSize),
    [docs, runtime, targetSize],
  );

  const isValidConnection = useCallback(
    (c: Connection | CanvasEdge) => canConnect(docs.getState().doc, c.source, c.target, rules(c.target)).ok,
    [docs, rules],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const r = docs.getState().connect(c.source, c.target, { targetSize });
      if (!r.ok) runtime.getState().notify(r.reason, 'error');
    },
    [docs, runtime, targetSize],
  );

  const onConnectEnd = useCallback(
    (_e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.toNode || !state.fromNode || !state.fromHandle) return;
      const [s, t] = state.fromHandle.type === 'source' ? [state.fromNode.id, state.toNode.id] : [state.toNode.id, state.fromNode.id];
      const v = canConnect(docs.getState().doc, s, t, { targetSize });
      if (!v.ok) runtime.getState().notify(v.reason, 'error');
    },
    [docs, runtime, targetSize],
  );

  const onReconnectStart = useCallback((_e: unknown, edge: CanvasEdge) => runtime.getState().setReconnecting(edge.id), [runtime]);

  const onReconnect = useCallback(
    (old: CanvasEdge, c: Connection) => {
      const r = docs.getState().reconnect(old.id, c.source, c.target, { targetSize });
      if (!r.ok) runtime.getState().notify(r.reason, 'error');
    },
    [docs, runtime, targetSize],
  );

  const onReconnectEnd = useCallback(
    (_e: MouseEvent | TouchEvent, _edge: CanvasEdge, _handle: unknown, state: FinalConnectionState) => {
      if (state.isValid === false && state.toNode && state.fromNode && state.fromHandle) {
        const [s, t] = state.fromHandle.type === 'source' ? [state.fromNode.id, state.toNode.id] : [state.toNode.id, state.fromNode.id];
        const v = canConnect(docs.getState().doc, s, t, rules(t));
        if (!v.ok) runtime.getState().notify(v.reason, 'error');
      }
      runtime.getState().setReconnecting(null);
    },
    [docs, runtime, rules],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      e.preventDefault();
      actions.addNodeAt(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [actions, flow],
  );

  // While the view moves, the viewport is its own compositing layer: panning
  // and zooming then move a picture instead of redrawing every edge, and the
  // content is drawn sharp again when the movement ends.
  const wrapper = useRef<HTMLDivElement>(null);
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('is-moving'), []);
  const onMoveEnd = useCallback(() => wrapper.current?.classList.remove('is-moving'), []);

  const onEdgeMouseEnter = useCallback((_e: unknown, edge: CanvasEdge) => runtime.getState().hoverEdge(edge.id), [runtime]);
  const onEdgeMouseLeave = useCallback(() => runtime.getState().hoverEdge(null), [runtime]);
  const onEdgeDoubleClick = useCallback(
    (_e: unknown, edge: CanvasEdge) => {
      if (edge.type === 'matrixEdge') runtime.getState().openDialog({ kind: 'weights', edgeId: edge.id });
    },
    [runtime],
  );

  return (
    <div className={`nl-canvas${far ? ' is-far' : ''}`} id={CANVAS_ID} ref={wrapper} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<FlowNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onReconnect={onReconnect}
        onReconnectStart={onReconnectStart}
        onReconnectEnd={onReconnectEnd}
        isValidConnection={isValidConnection}
        connectionLineComponent={ConnectionLine}
        connectionRadius={28}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onEdgeMouseEnter={onEdgeMouseEnter}
        onEdgeMouseLeave={onEdgeMouseLeave}
        onEdgeDoubleClick={onEdgeDoubleClick}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionMode={SelectionMode.Partial}
        snapToGrid={snapToGrid}
        snapGrid={SNAP}
        minZoom={0.05}
        maxZoom={4}
        colorMode={colorMode}
        edgesReconnectable
        elevateEdgesOnSelect
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements={visibleOnly}
        aria-label="Network canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls position="bottom-left" showInteractive={false} aria-label="Zoom controls" />
        {minimap && doc.nodes.length > 0 && <MiniMap position="bottom-right" pannable zoomable ariaLabel="Minimap" nodeStrokeWidth={2} style={{ width: 168, height: 112 }} nodeClassName={miniClass} />}
        {doc.nodes.length === 0 && <EmptyCanvas />}
        {overview && <EdgeOverview doc={doc} sizes={sizes} selected={selection.edges} />}
        {overview && (
          <div className="nl-overview-note" role="status">
            Overview: {doc.edges.length.toLocaleString('en')} connections drawn as one picture. Zoom in to select and edit them.
          </div>
        )}
      </ReactFlow>
    </div>
  );
}
