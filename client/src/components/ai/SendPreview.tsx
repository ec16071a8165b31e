import { For, type Component } from 'solid-js';

export interface PreviewMessage {
  role: string;
  content: string;
}

/** "What will be sent": the exact messages of the request, shown before the first request of a kind. */
export const SendPreview: Component<{ model: string; messages: PreviewMessage[]; onSend: () => void; onCancel: () => void }> = (props) => (
  <div class="panel ai-preview" role="dialog" aria-label="What will be sent">
    <h3>What will be sent</h3>
    <p class="muted">Exactly this goes to the AI provider (model {props.model}), asked not to store it. Nothing else from Kith is sent.</p>
    <For each={props.messages}>
      {(message) => (
        <div class="ai-preview-message">
          <strong>{message.role === 'system' ? 'Instructions' : 'Your selection'}</strong>
          <pre>{pretty(message.content)}</pre>
        </div>
      )}
    </For>
    <div class="row">
      <button type="button" class="primary" onClick={() => props.onSend()}>
        Send
      </button>
      <button type="button" onClick={() => props.onCancel()}>
        Cancel
      </button>
    </div>
  </div>
);

function pretty(content: string) {
  try {
    return JSON.stringify(JSON.parse(content), null, 2);
  } catch {
    return content;
  }
}
