// Tiny helpers to build the page with DOM calls only: text is always set as text, never parsed as HTML, so
// nothing the API returns (a venue name, a note) can become markup or script.

/** h('button', {id: 'x', class: 'primary', onclick: fn}, 'text', child, ...) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'value') {
      element.value = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces everything inside an element. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const IWATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** Any ISO instant (2026-11-25T09:00:00Z, 2026-11-25T18:00:00+09:00) as Iwate time: 2026-11-25 18:00. */
export function localTime(iso) {
  if (!iso) {
    return '';
  }
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : IWATE_TIME.format(instant);
}
