import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createMemo, createSignal, For, Show, type Component } from 'solid-js';
import { StageChart } from '../../components/StageChart';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { BoardDealsQuery, DealBoardQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { useSession } from '../../lib/session';
import { NewDeal } from './NewDeal';

const Board = graphql(`
  query DealBoard {
    pipelines {
      id name isDefault
      stages { id name isWon isLost totalAmounts { currency amount dealCount } }
    }
  }
`);

// One query for the cards of the whole pipeline (grouped by stage here) keeps the request cheap.
const BoardDeals = graphql(`
  query BoardDeals($pipelineId: ID!) {
    deals(first: 100, filter: { pipelineId: $pipelineId }, sort: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      edges { node { id name amount currency stage { id } company { id name } } }
    }
  }
`);

const MoveDeal = graphql(`
  mutation MoveDeal($id: ID!, $stageId: ID!) {
    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }
  }
`);

type Stage = DealBoardQuery['pipelines'][number]['stages'][number];
type Card = BoardDealsQuery['deals']['edges'][number]['node'];

/** Deals by stage: drag a card to another column (or use its stage menu) to move it. */
const DealBoard: Component = () => {
  const session = useSession();
  const [board, refetch] = createQuery({ query: Board, requestPolicy: 'cache-and-network' });
  const [move, moveDeal] = createMutation(MoveDeal);
  const [pipelineId, setPipelineId] = createSignal<string | null>(null);
  const [dragOver, setDragOver] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal<{ dealId: string; stageId: string } | null>(null);
  const canMove = () => session.can('records:update');

  const pipeline = createMemo(() => {
    const list = board.data?.pipelines ?? [];
    return list.find((p) => p.id === pipelineId()) ?? list.find((p) => p.isDefault) ?? list[0] ?? null;
  });
  const [deals, refetchDeals] = createQuery({
    query: BoardDeals,
    variables: () => ({ pipelineId: pipeline()?.id ?? '' }),
    pause: () => !pipeline(),
  });
  // While a move is on its way the card already shows in its new column.
  const cardsOf = (stage: Stage): Card[] => {
    const moving = pending();
    const stageOf = (card: Card) => (moving && card.id === moving.dealId ? moving.stageId : card.stage.id);
    return (deals.data?.deals.edges ?? []).map((e) => e.node).filter((card) => stageOf(card) === stage.id);
  };
  const moveTo = async (dealId: string, stageId: string) => {
    setPending({ dealId, stageId });
    await moveDeal({ id: dealId, stageId });
    refetch();
    refetchDeals();
    setPending(null);
  };

  return (
    <section class="page board-page">
      <div class="page-head">
        <h1>Deals board</h1>
        <div class="actions">
          <A href="/deals" class="button">
            List view
          </A>
          <Show when={session.can('records:create')}>
            <NewDeal pipelineId={pipeline()?.id} />
          </Show>
        </div>
      </div>
      <Show when={(board.data?.pipelines.length ?? 0) > 1}>
        <div class="field inline">
          <label for="board-pipeline">Pipeline</label>
          <select id="board-pipeline" value={pipeline()?.id ?? ''} onChange={(e) => setPipelineId(e.currentTarget.value)}>
            <For each={board.data?.pipelines}>{(p) => <option value={p.id}>{p.name}</option>}</For>
          </select>
        </div>
      </Show>
      <ErrorNotice message={errorMessage(board.error)} onRetry={() => refetch()} />
      <ErrorNotice message={errorMessage(deals.error)} />
      <ErrorNotice message={errorMessage(move.error)} />
      <Show when={(deals.data?.deals.totalCount ?? 0) > 100}>
        <p class="muted">Showing the 100 most recently updated of {deals.data?.deals.totalCount} deals; the list view has them all.</p>
      </Show>
      <Show when={board.fetching && !board.data}>
        <Loading />
      </Show>
      <Show when={board.data && !pipeline()}>
        <EmptyState title="This workspace has no pipeline yet." />
      </Show>
      <Show when={pipeline()}>
        {(p) => (
          <>
            <StageChart stages={p().stages.map((s) => ({ id: s.id, name: s.name, totals: s.totalAmounts }))} />
            <div class="board" role="list" aria-label={`Stages of ${p().name}`}>
              <For each={p().stages}>
                {(stage) => (
                  <div
                    role="listitem"
                    class="column"
                    classList={{ over: dragOver() === stage.id, won: stage.isWon, lost: stage.isLost }}
                    data-stage={stage.name}
                    onDragOver={(e) => {
                      if (!canMove()) return;
                      e.preventDefault();
                      setDragOver(stage.id);
                    }}
                    onDragLeave={() => setDragOver(null)}
                    onDrop={(e) => {
                      e.preventDefault();
                      setDragOver(null);
                      const id = e.dataTransfer?.getData('text/plain');
                      if (id && canMove()) void moveTo(id, stage.id);
                    }}
                  >
                    <h2>
                      {stage.name} <span class="count">{cardsOf(stage).length}</span>
                    </h2>
                    <Show when={stage.totalAmounts.length > 0} fallback={<p class="stage-total">No amounts</p>}>
                      <ul class="stage-total" aria-label={`Totals in ${stage.name}`}>
                        <For each={stage.totalAmounts}>
                          {(t) => (
                            <li>
                              <span class="currency-code">{t.currency}</span> <span>{formatMoney(t.amount, t.currency)}</span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                    <ul class="cards">
                      <For each={cardsOf(stage)} fallback={<li class="muted drop-hint">No deals</li>}>
                        {(card) => (
                          <li class="card" draggable={canMove()} data-deal={card.name} onDragStart={(e) => e.dataTransfer?.setData('text/plain', card.id)}>
                            <A href={`/deals/${card.id}`}>{card.name}</A>
                            <span class="muted">{[card.company?.name, formatMoney(card.amount, card.currency)].filter(Boolean).join(' · ')}</span>
                            <Show when={canMove()}>
                              <label class="visually-hidden" for={`move-${card.id}`}>
                                Move {card.name} to stage
                              </label>
                              <select id={`move-${card.id}`} class="move" value={stage.id} onChange={(e) => void moveTo(card.id, e.currentTarget.value)}>
                                <For each={p().stages}>{(s) => <option value={s.id}>{s.name}</option>}</For>
                              </select>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </div>
                )}
              </For>
            </div>
          </>
        )}
      </Show>
    </section>
  );
};

export default DealBoard;
