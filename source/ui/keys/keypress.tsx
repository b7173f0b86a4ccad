// One reader of the keyboard for the whole TUI. It reads stdin once (through Ink's public stdin and
// raw mode), turns each chunk into key names, and hands each key to the handlers in force, the most
// specific first (an open wizard, then the Activity tab, then the App), until one takes it.
import { useStdin } from 'ink';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';
import { parseKeys } from './key-names.js';

/** Returns true when the key was taken; false lets the next handler see it. */
export type KeyHandler = (name: string) => boolean;

interface Entry {
  handler: { current: KeyHandler };
  isActive: { current: () => boolean };
  priority: number;
}

interface Keypress {
  add(entry: Entry): () => void;
}

const KeypressContext = createContext<Keypress | undefined>(undefined);

export function KeypressProvider({ children }: { children: ReactNode }) {
  const { stdin, setRawMode, isRawModeSupported } = useStdin();
  const entries = useRef<Entry[]>([]);
  useEffect(() => {
    const deliver = (name: string) => {
      for (const entry of entries.current)
        if (entry.isActive.current() && entry.handler.current(name)) return;
    };
    const onData = (data: string | Buffer) => {
      for (const name of parseKeys(String(data))) deliver(name);
    };
    if (isRawModeSupported) setRawMode(true);
    stdin.on('data', onData);
    return () => {
      stdin.off('data', onData);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [stdin, setRawMode, isRawModeSupported]);
  const value = useMemo<Keypress>(
    () => ({
      add(entry) {
        entries.current = [...entries.current, entry].sort((a, b) => b.priority - a.priority);
        return () => {
          entries.current = entries.current.filter((e) => e !== entry);
        };
      },
    }),
    [],
  );
  return <KeypressContext.Provider value={value}>{children}</KeypressContext.Provider>;
}

export const KEY_PRIORITY = { app: 0, pane: 1, overlay: 2 } as const;

/**
 * Sends keys to `handler` while `isActive` says so (read at each key, so that a burst sees the state
 * its earlier keys left). Registered during the commit that shows the component, so that a key typed
 * right after the one that opened it is not lost.
 */
export function useKeypress(
  handler: KeyHandler,
  { isActive = () => true, priority }: { isActive?: () => boolean; priority: number },
) {
  const keypress = useContext(KeypressContext);
  if (!keypress) throw new Error('useKeypress outside a KeypressProvider');
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const activeRef = useRef(isActive);
  activeRef.current = isActive;
  useLayoutEffect(
    () => keypress.add({ handler: handlerRef, isActive: activeRef, priority }),
    [keypress, priority],
  );
}
