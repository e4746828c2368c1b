/**
 * The two stores, made once per app by their factories and handed down by
 * context, so tests and several windows never share state by accident.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createDocumentStore, type DocumentState, type DocumentStore } from './document-store';
import { linkProbe } from './probe-link';
import { createRuntimeStore, type RuntimeState, type RuntimeStore } from './runtime-store';

interface Stores {
  docs: DocumentStore;
  runtime: RuntimeStore;
}

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ children, stores }: { children: ReactNode; stores?: Stores }) {
  const [value] = useState<Stores>(() => stores ?? { docs: createDocumentStore(), runtime: createRuntimeStore() });
  useEffect(() => linkProbe(value.docs, value.runtime), [value]);
  return <StoresContext.Provider value={value}>{children}</StoresContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider is missing above this component');
  return stores;
}

export function useDoc<T>(selector: (s: DocumentState) => T): T {
  return useStore(useStores().docs, selector);
}

export function useRuntime<T>(selector: (s: RuntimeState) => T): T {
  return useStore(useStores().runtime, selector);
}

export function useDocStore(): DocumentStore {
  return useStores().docs;
}

export function useRuntimeStore(): RuntimeStore {
  return useStores().runtime;
}
