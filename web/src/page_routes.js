// The routes of this page, from its own address: /dashboard/{id} for signed-in people (the
// session cookie goes along) or /embed/dashboard/{id}?token=… (the token goes along in the query;
// nothing is ever stored in the browser).
export function pageRoutes(location) {
  const base = location.pathname.replace(/\/+$/, '');
  const token = new URLSearchParams(location.search).get('token');
  const url = (path, params = {}) => {
    const query = new URLSearchParams(params);
    if (token) query.set('token', token);
    const text = query.toString();
    return text ? `${base}${path}?${text}` : `${base}${path}`;
  };
  return {
    embedded: base.startsWith('/embed/'),
    data: () => url('/data'),
    processMap: (panelId, label) =>
      url(`/panel/${encodeURIComponent(panelId)}/process-map.svg`, { label }),
    run: () => url('/run'),
    login: () => `/login?next=${encodeURIComponent(base)}`,
  };
}
