// The adapter's notes (what a write skipped or changed because of the host, what start-up added
// later), passed from the engine to the one component that shows them.

export interface Note {
  text: string;
  /** error: nothing can be done on this host; warning: something was skipped or changed; info: done later */
  intent: "error" | "warning" | "info";
}

/** The latest notes, and who wants to hear of new ones. */
export interface NotesFeed {
  current(): Note[];
  subscribe(listener: (notes: Note[]) => void): () => void;
  /** replaces the notes shown (a new write's notes replace the last write's) */
  publish(notes: Note[]): void;
  /** adds notes to those shown (start-up work) */
  add(notes: Note[]): void;
  clear(): void;
}

export function notesFeed(): NotesFeed {
  let notes: Note[] = [];
  const listeners = new Set<(notes: Note[]) => void>();
  const tell = () => {
    for (const l of listeners) l(notes);
  };
  return {
    current: () => notes,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    publish(next) {
      notes = [...next];
      tell();
    },
    add(more) {
      if (more.length === 0) return;
      notes = [...notes, ...more];
      tell();
    },
    clear() {
      notes = [];
      tell();
    },
  };
}
