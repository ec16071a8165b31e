import { For, Match, Switch, type Component, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { parseMarkdown, type Block, type Inline } from '../lib/markdown';

/** Notes and comments as formatted text; see lib/markdown for the (safe) subset. */
export const Markdown: Component<{ source: string }> = (props) => (
  <div class="markdown">
    <For each={parseMarkdown(props.source)}>{(block) => <BlockView block={block} />}</For>
  </div>
);

const Inlines = (props: { items: Inline[] }): JSX.Element => <For each={props.items}>{(item) => <InlineView item={item} />}</For>;

const InlineView: Component<{ item: Inline }> = (props) => {
  const item = props.item;
  switch (item.kind) {
    case 'text':
      return <>{item.text}</>;
    case 'code':
      return <code>{item.text}</code>;
    case 'strong':
      return (
        <strong>
          <Inlines items={item.children} />
        </strong>
      );
    case 'em':
      return (
        <em>
          <Inlines items={item.children} />
        </em>
      );
    case 'link':
      return (
        <a href={item.href} rel="noopener noreferrer nofollow" target="_blank">
          <Inlines items={item.children} />
        </a>
      );
  }
};

const BlockView: Component<{ block: Block }> = (props) => {
  const block = props.block;
  return (
    <Switch>
      <Match when={(block.kind === 'p' || block.kind === 'quote') && block}>
        {(b) => (
          <Dynamic component={b().kind === 'quote' ? 'blockquote' : 'p'}>
            <Inlines items={b().children} />
          </Dynamic>
        )}
      </Match>
      <Match when={block.kind === 'h' && block}>
        {(b) => (
          <p class={`md-h${b().level}`}>
            <strong>
              <Inlines items={b().children} />
            </strong>
          </p>
        )}
      </Match>
      <Match when={(block.kind === 'ul' || block.kind === 'ol') && block}>
        {(b) => (
          <Dynamic component={b().kind}>
            <For each={b().items}>
              {(item) => (
                <li>
                  <Inlines items={item} />
                </li>
              )}
            </For>
          </Dynamic>
        )}
      </Match>
      <Match when={block.kind === 'pre' && block}>
        {(b) => (
          <pre>
            <code>{b().text}</code>
          </pre>
        )}
      </Match>
    </Switch>
  );
};
