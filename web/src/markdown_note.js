// DashboardPanelDashboardNote and DashboardPanelRecommendationSentence: text from the panel's own
// options. Notes are Markdown (marked), sanitised by DOMPurify before they reach the page.
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { el, message } from './dom.js';

// Links in notes open in a new tab and tell the target nothing about this page.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

// The first of `keys` the options have, compared ignoring case ({"text": …} or {"Text": …}).
function optionText(options, keys) {
  for (const [key, value] of Object.entries(options || {})) {
    if (keys.includes(key.toLowerCase()) && typeof value === 'string') return value;
  }
  return '';
}

export function renderNote(body, panel) {
  const text = optionText(panel.options, ['text', 'markdown']);
  if (!text.trim()) {
    body.append(message('no-data', 'Empty note'));
    return;
  }
  const note = el('div', { className: 'note' });
  note.innerHTML = DOMPurify.sanitize(marked.parse(text, { async: false }));
  body.append(note);
}

export function renderRecommendation(body, panel) {
  const text = optionText(panel.options, ['text', 'sentence', 'recommendation']);
  if (!text.trim()) {
    body.append(message('no-data', 'No recommendation'));
    return;
  }
  body.append(el('p', { className: 'recommendation' }, [
    el('span', { className: 'recommendation-mark', 'aria-hidden': 'true', text: '\u2192' }),
    el('span', { className: 'recommendation-text', text }),
  ]));
}
