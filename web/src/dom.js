// Small DOM helpers: elements are built with text content, never from unsanitised HTML.

export function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('data-') || name.startsWith('aria-') || name === 'role'
             || name === 'title' || name === 'type' || name === 'scope') {
      element.setAttribute(name, value === true ? '' : String(value));
    } else element[name] = value;
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function message(className, text) {
  return el('div', { className: `panel-message ${className}`, text });
}

export function noData() {
  return message('no-data', 'No data');
}
