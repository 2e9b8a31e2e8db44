import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './qa-panel.js';
import type { UrbaniaQaPanel } from './qa-panel.component.js';
import { QaBoard, type QaClient, type Question } from '../../core/qa.js';
import { axeViolations, waitFor } from '../../test/helpers.js';

const question = (id: string, votes: number, over: Partial<Question> = {}): Question =>
  ({ id, text: `Question ${id}`, author: { identity: 'carol', name: 'Carole Lefèvre' }, created_at: '2026-11-27T01:00:00.000Z', votes, voted: false, answered: false, ...over });

/** A board on a fake client that records actions and answers the list it holds. */
async function board(list: Question[]) {
  const actions: string[] = [];
  const client: QaClient = {
    listQuestions: async () => ({ room_name: 'w1', questions: list }),
    askQuestion: async (_r, text) => { actions.push(`ask:${text}`); return list[0]!; },
    voteQuestion: async (_r, id, on) => { actions.push(`${on ? 'vote' : 'unvote'}:${id}`); return list[0]!; },
    markQuestionAnswered: async (_r, id) => { actions.push(`answered:${id}`); return list[0]!; },
    deleteQuestion: async (_r, id) => { actions.push(`delete:${id}`); return {}; },
  };
  const qa = new QaBoard(60_000);
  qa.attach(client, 'w1');
  await qa.refresh();
  return { qa, actions };
}

const q = <T extends Element = Element>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s);
const all = (el: Element, s: string) => [...el.shadowRoot!.querySelectorAll(s)];

describe('<urbania-qa-panel>', () => {
  it('lists the questions in the service’s order with votes; the vote toggle is pressed for mine and toggles', async () => {
    const { qa, actions } = await board([question('a', 3, { voted: true }), question('b', 0, { text: '<b>pas du HTML</b>' })]);
    const el = await fixture<UrbaniaQaPanel>(html`<urbania-qa-panel .qa=${qa} .identity=${'david'}></urbania-qa-panel>`);
    expect(all(el, '[part="qa-text"]').map((p) => p.textContent)).to.deep.equal(['Question a', '<b>pas du HTML</b>']);
    const votes = all(el, '[part="qa-vote"]') as HTMLButtonElement[];
    expect(votes.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).to.deep.equal([['3', 'true'], ['0', 'false']]);
    expect(votes[0]!.getAttribute('aria-label')).to.equal('3 vote(s) : retirer mon vote');
    votes[1]!.click();
    await waitFor(() => actions.length === 1 && q(el, '[role="status"]')!.textContent === 'Vote enregistré.', 2000, 'vote');
    votes[0]!.click();
    await waitFor(() => actions.length === 2, 2000, 'unvote');
    expect(actions).to.deep.equal(['vote:b', 'unvote:a']);
    expect(q(el, '[part="qa-mark-answered"]')).to.equal(null);
    expect(q(el, '[part="qa-delete"]')).to.equal(null);
    await waitFor(() => q(el, '[role="status"]')!.textContent === 'Vote retiré.', 2000, 'announced');
  });

  it('the host marks answered and deletes; the author deletes their own only', async () => {
    const { qa, actions } = await board([question('a', 1), question('b', 0, { author: { identity: 'david', name: 'David' }, answered: true })]);
    const host = await fixture<UrbaniaQaPanel>(html`<urbania-qa-panel .qa=${qa} .identity=${'alice'} host locale="en"></urbania-qa-panel>`);
    expect(all(host, '[part="qa-mark-answered"]')).to.have.length(1); // b is answered already
    expect(q(host, '[part="qa-question"][data-id="b"] [part="qa-answered"]')!.textContent).to.equal('Answered');
    q<HTMLButtonElement>(host, '[part="qa-mark-answered"]')!.click();
    await waitFor(() => actions.length === 1 && q(host, '[role="status"]')!.textContent === 'Question marked as answered.', 2000, 'answered');
    (all(host, '[part="qa-delete"]')[1] as HTMLButtonElement).click();
    await waitFor(() => actions.length === 2, 2000, 'delete');
    expect(actions).to.deep.equal(['answered:a', 'delete:b']);

    const author = await fixture<UrbaniaQaPanel>(html`<urbania-qa-panel .qa=${qa} .identity=${'david'}></urbania-qa-panel>`);
    expect(all(author, '[part="qa-delete"]').map((b) => b.closest('li')!.dataset['id'])).to.deep.equal(['b']);
    expect(q(author, '[part="qa-question"][data-id="b"] [part="qa-author"]')!.textContent).to.equal('Vous');
  });

  it('Enter asks (the box empties, announced), Shift+Enter does not; Escape fires qa-close', async () => {
    const { qa, actions } = await board([]);
    const el = await fixture<UrbaniaQaPanel>(html`<urbania-qa-panel .qa=${qa}></urbania-qa-panel>`);
    expect(q(el, '[part="qa-empty"]')!.textContent).to.equal('Aucune question pour l’instant.');
    const box = q<HTMLTextAreaElement>(el, '[part="qa-input"]')!;
    box.value = 'Quand ?';
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(actions).to.deep.equal([]);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitFor(() => actions.length === 1 && box.value === '', 2000, 'asked');
    expect(actions).to.deep.equal(['ask:Quand ?']);
    await waitFor(() => q(el, '[role="status"]')!.textContent === 'Question envoyée.', 2000, 'announced');
    setTimeout(() => box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    await oneEvent(el, 'qa-close');
  });

  it('a refused action shows a localized alert', async () => {
    const { qa } = await board([question('a', 0)]);
    (qa as unknown as { room: { client: QaClient } }).room.client.markQuestionAnswered = async () => { throw Object.assign(new Error('no'), { code: 'forbidden' }); };
    const el = await fixture<UrbaniaQaPanel>(html`<urbania-qa-panel .qa=${qa} host locale="en"></urbania-qa-panel>`);
    q<HTMLButtonElement>(el, '[part="qa-mark-answered"]')!.click();
    const alert = await waitFor(() => q(el, '[part="qa-error"]'), 2000, 'alert');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.equal('That did not work. Please try again.');
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`axe: no violations, ${locale}`, async () => {
      const { qa } = await board([question('a', 2, { voted: true }), question('b', 0, { answered: true })]);
      const el = await fixture<UrbaniaQaPanel>(html`<urbania-qa-panel style="height:360px" .qa=${qa} host locale=${locale}></urbania-qa-panel>`);
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }
});
