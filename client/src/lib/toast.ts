import { createSignal } from 'solid-js';

export interface Toast {
  id: number;
  message: string;
  tone: 'ok' | 'error';
}

const [toasts, setToasts] = createSignal<Toast[]>([]);
let next = 1;

export { toasts };

/** Shows a short message in the corner for a few seconds (errors stay until dismissed). */
export function toast(message: string, tone: Toast['tone'] = 'ok') {
  const id = next++;
  setToasts((list) => [...list.slice(-2), { id, message, tone }]);
  if (tone === 'ok') setTimeout(() => dismissToast(id), 5000);
}

export function dismissToast(id: number) {
  setToasts((list) => list.filter((t) => t.id !== id));
}
