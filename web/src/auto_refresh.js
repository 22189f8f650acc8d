// The auto-refresh interval, kept in the page address (#refresh=60) so a wall display's URL
// carries it; nothing is stored in the browser.
export const INTERVALS = [0, 30, 60, 300];

export function intervalFromHash(hash) {
  const seconds = Number(new URLSearchParams(hash.replace(/^#/, '')).get('refresh'));
  return INTERVALS.includes(seconds) ? seconds : 0;
}

export function hashWithInterval(hash, seconds) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (seconds) params.set('refresh', String(seconds)); else params.delete('refresh');
  const text = params.toString();
  return text ? `#${text}` : '';
}

// `select` (off, 30 s, 1 min, 5 min) is absent on embedded pages: there the address decides.
export class AutoRefresh {
  constructor(select, tick) {
    this.select = select;
    this.tick = tick;
    this.timer = null;
    if (select) {
      select.addEventListener('change', () => {
        const seconds = Number(select.value);
        const { pathname, search, hash } = window.location;
        window.history.replaceState(null, '', pathname + search + hashWithInterval(hash, seconds));
        this.schedule(seconds);
      });
    }
    window.addEventListener('hashchange', () => this.start());
  }

  start() {
    const seconds = intervalFromHash(window.location.hash);
    if (this.select) this.select.value = String(seconds);
    this.schedule(seconds);
  }

  schedule(seconds) {
    clearInterval(this.timer);
    this.timer = seconds ? setInterval(this.tick, seconds * 1000) : null;
    document.body.dataset.refresh = String(seconds);
  }
}
