import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';

let ask = null;

/**
 * Asks the user to confirm something in the console's one modal dialog: `{title, message, ok, name}`; with `name`
 * the user must type it first. Resolves to true when they confirm.
 */
export function confirmAction(question) {
  return ask ? ask(question) : Promise.resolve(false);
}

/**
 * The `<dialog>` behind confirmAction(). showModal() keeps focus inside it and makes the page behind inert;
 * Escape cancels; focus goes back to the button that asked.
 */
export function ConfirmDialog() {
  const dialog = useRef(null);
  const answer = useRef(null);
  const opener = useRef(null);
  const [question, setQuestion] = useState(null);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    ask = (next) => new Promise((resolve) => {
      answer.current?.(false);
      answer.current = resolve;
      opener.current = document.activeElement;
      setTyped('');
      setQuestion(next);
    });
    return () => {
      ask = null;
    };
  }, []);

  useEffect(() => {
    if (question && !dialog.current.open) {
      dialog.current.showModal();
    }
  }, [question]);

  const finish = (confirmed) => {
    const resolve = answer.current;
    answer.current = null;
    if (dialog.current.open) {
      dialog.current.close();
    }
    setQuestion(null);
    opener.current?.focus?.();
    resolve?.(confirmed);
  };
  const matches = !question?.name || typed === question.name;

  return html`<dialog id="confirm-dialog" ref=${dialog} aria-labelledby="confirm-title"
      aria-describedby="confirm-message" onCancel=${(e) => { e.preventDefault(); finish(false); }}>
    ${question && html`<form novalidate onSubmit=${(e) => { e.preventDefault(); if (matches) finish(true); }}>
      <h2 id="confirm-title">${question.title}</h2>
      <p id="confirm-message">${question.message}</p>
      ${question.name && html`<div class="field">
        <label for="confirm-name">Type the app name to confirm</label>
        <input id="confirm-name" autocomplete="off" spellcheck="false" value=${typed}
          onInput=${(e) => setTyped(e.currentTarget.value)} />
      </div>`}
      <div class="actions">
        <button type="button" id="confirm-cancel" onClick=${() => finish(false)}>Cancel</button>
        <button type="submit" id="confirm-ok" class="danger" disabled=${!matches}>${question.ok}</button>
      </div>
    </form>`}
  </dialog>`;
}
