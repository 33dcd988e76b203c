// dom.js - the page's document, for the VM of a browser profile (src/process/browser/window.c):
// the nodes the HTML parser made (browser/page.c gives them, window.c adds them through
// addParsed), what a quiz does with them (find, change, click), and MutationObserver, whose
// callbacks are microtasks.  Not Chromium's code: the behaviour the DOM standard
// (dom.spec.whatwg.org) and HTML give, cited by section, which is what Chromium does for these.
//
// What matters to the order of callbacks, and is modelled exactly:
//   - element.click() and dispatchEvent() run the listeners at once, inside the caller, with
//     the script on the stack: no microtask checkpoint between two listeners (window.js,
//     dispatch).  A user's click, which would have one between listeners, never comes.
//   - a mutation (an attribute set, a child added or removed, a text's data changed) queues a
//     record for each observer interested, and the first record queues one microtask that
//     delivers every observer's records ("queue a mutation observer microtask", DOM 4.3.2), in
//     the order the observers were made.  Blink queues that microtask when a record is queued
//     for an observer (MutationObserver::EnqueueMutationRecord, third_party/blink/renderer/
//     core/dom/mutation_observer.cc), not for a mutation no observer wants: so here.
// What is refused (internal.refuse, with the name): what needs layout or CSS (style,
// getBoundingClientRect, offsetWidth, ...), innerHTML and insertAdjacentHTML as setters
// (the HTML fragment parser), document.write, and the activation behaviour of a click on a
// link, a form control or a label.
'use strict';

const internal = require('internal');
const win = require('window');
const { EventTarget, Event, GET_PARENT, dispatch, defineHandler } = win;

const TREE = Symbol('tree');          // { parent, children }
const ATTRS = Symbol('attributes');   // [{ name, value }] in order
const REGISTERED = Symbol('registered observers');

// ---- nodes ------------------------------------------------------------------------------------

class Node extends EventTarget {
  constructor(key) {
    if (key !== TREE)
      throw new TypeError('Illegal constructor');
    super();
    this[TREE] = { parent: null, children: [] };
  }
  get parentNode() { return this[TREE].parent; }
  get parentElement() {
    const p = this[TREE].parent;
    return p instanceof Element ? p : null;
  }
  get childNodes() { return this[TREE].children.slice(); }
  get firstChild() { return this[TREE].children[0] || null; }
  get lastChild() { const c = this[TREE].children; return c[c.length - 1] || null; }
  get previousSibling() { return sibling(this, -1); }
  get nextSibling() { return sibling(this, 1); }
  get ownerDocument() { return this === document ? null : document; }
  get isConnected() { return root(this) === document; }
  hasChildNodes() { return this[TREE].children.length > 0; }
  contains(other) {
    for (let n = other; n; n = n[TREE].parent)
      if (n === this)
        return true;
    return false;
  }
  getRootNode() { return root(this); }
  appendChild(node) {
    internal.api();
    return preInsert(node, this, null);
  }
  insertBefore(node, child) {
    internal.api();
    return preInsert(node, this, child === undefined ? null : child);
  }
  removeChild(child) {
    internal.api();
    if (!(child instanceof Node) || child[TREE].parent !== this)
      throw new win.DOMException("Failed to execute 'removeChild' on 'Node': The node to be " +
                                 'removed is not a child of this node.', 'NotFoundError');
    remove(child);
    return child;
  }
  replaceChild(node, child) {
    internal.api();
    if (!(child instanceof Node) || child[TREE].parent !== this)
      throw new win.DOMException("Failed to execute 'replaceChild' on 'Node': The node to be " +
                                 'replaced is not a child of this node.', 'NotFoundError');
    checkInsert(node, this);
    // DOM 4.2.3 "replace": one record, the removed child and the added node
    const next = sibling(child, 1);
    const prev = sibling(child, -1);
    const ref = next === node ? sibling(node, 1) : next;
    if (node[TREE].parent)
      remove(node);
    removeQuietly(child);
    insertQuietly(node, this, ref);
    queueTreeRecord(this, [node], [child], prev, ref);
    return child;
  }
  get textContent() {
    if (this === document)
      return null;
    let s = '';
    for (const c of this[TREE].children)
      s += c instanceof Text ? c.data : c instanceof Element ? c.textContent : '';
    return s;
  }
  set textContent(value) {
    internal.api();
    if (this === document)
      return; // a document's textContent is null and setting it does nothing (DOM 4.4)
    // DOM 4.4 "string replace all": one record, every child out, the text node in
    const node = value === null || value === '' ? null : new Text(String(value));
    replaceAll(node, this);
  }
  get nodeValue() { return null; }
  set nodeValue(v) {}
}
Object.assign(Node, { ELEMENT_NODE: 1, TEXT_NODE: 3, COMMENT_NODE: 8, DOCUMENT_NODE: 9 });

// DOM 2.7 "get the parent": a node's parent; a document's, its window, for any event but
// load (which loopsim never fires)
Node.prototype[GET_PARENT] = function (event) {
  return this === document ? globalThis : this[TREE].parent;
};

function sibling(node, step) {
  const p = node[TREE].parent;
  if (!p)
    return null;
  const c = p[TREE].children;
  return c[c.indexOf(node) + step] || null;
}

function root(node) {
  while (node[TREE].parent)
    node = node[TREE].parent;
  return node;
}

class CharacterData extends Node {
  constructor(key, data) {
    super(key);
    this._data = data;
  }
  get data() { return this._data; }
  set data(value) { replaceData(this, value === null ? '' : String(value)); }
  get nodeValue() { return this._data; }
  set nodeValue(value) { this.data = value; }
  get textContent() { return this._data; }
  set textContent(value) { this.data = value; }
  get length() { return this._data.length; }
  appendData(s) { replaceData(this, this._data + String(s)); }
  remove() {
    internal.api();
    if (this[TREE].parent)
      remove(this);
  }
}

class Text extends CharacterData {
  constructor(data = '') { super(TREE, String(data)); }
  get nodeType() { return 3; }
  get nodeName() { return '#text'; }
}

class Comment extends CharacterData {
  constructor(data = '') { super(TREE, String(data)); }
  get nodeType() { return 8; }
  get nodeName() { return '#comment'; }
}

// DOM 4.10 "replace data": the record, then the change
function replaceData(node, value) {
  internal.api();
  queueRecord('characterData', node, null, node._data, [], [], null, null);
  node._data = value;
}

// ---- elements -------------------------------------------------------------------------------

class Element extends Node {
  constructor(key, name) {
    super(key);
    this._name = name;
    this[ATTRS] = [];
  }
  get nodeType() { return 1; }
  get localName() { return this._name; }
  get tagName() { return this._name.toUpperCase(); }
  get nodeName() { return this.tagName; }
  get id() { return this.getAttribute('id') || ''; }
  set id(v) { this.setAttribute('id', v); }
  get className() { return this.getAttribute('class') || ''; }
  set className(v) { this.setAttribute('class', v); }
  get classList() { return new DOMTokenList(this); }
  get attributes() { return this[ATTRS].map((a) => ({ name: a.name, value: a.value })); }
  get children() { return this[TREE].children.filter((c) => c instanceof Element); }
  get childElementCount() { return this.children.length; }
  get firstElementChild() { return this.children[0] || null; }
  get lastElementChild() { const c = this.children; return c[c.length - 1] || null; }
  get nextElementSibling() { return elementSibling(this, 1); }
  get previousElementSibling() { return elementSibling(this, -1); }
  hasAttribute(name) { return findAttr(this, name) !== null; }
  getAttribute(name) {
    const a = findAttr(this, name);
    return a ? a.value : null;
  }
  getAttributeNames() { return this[ATTRS].map((a) => a.name); }
  setAttribute(name, value) {
    internal.api();
    name = checkName(String(name), 'setAttribute');
    changeAttribute(this, name, String(value));
  }
  removeAttribute(name) {
    internal.api();
    const a = findAttr(this, String(name));
    if (!a)
      return;
    // DOM 4.9 "remove an attribute": "handle attribute changes" queues the record
    queueRecord('attributes', this, a.name, a.value, [], [], null, null);
    this[ATTRS].splice(this[ATTRS].indexOf(a), 1);
  }
  toggleAttribute(name, force) {
    internal.api();
    name = checkName(String(name), 'toggleAttribute');
    const has = findAttr(this, name) !== null;
    if (has && force !== true) {
      this.removeAttribute(name);
      return false;
    }
    if (!has && (force === undefined || force))
      changeAttribute(this, name, '');
    return has ? true : force === undefined || !!force;
  }
  querySelector(selectors) { return select(this, selectors, true)[0] || null; }
  querySelectorAll(selectors) { return select(this, selectors, false); }
  getElementsByTagName(name) { return byTag(this, String(name)); }
  getElementsByClassName(names) { return byClass(this, String(names)); }
  matches(selectors) { return matchesAny(this, parseSelectors(String(selectors), 'matches')); }
  closest(selectors) {
    const list = parseSelectors(String(selectors), 'closest');
    for (let n = this; n instanceof Element; n = n[TREE].parent)
      if (matchesAny(n, list))
        return n;
    return null;
  }
  append(...nodes) {
    internal.api();
    preInsert(convertNodes(nodes), this, null);
  }
  prepend(...nodes) {
    internal.api();
    preInsert(convertNodes(nodes), this, this[TREE].children[0] || null);
  }
  remove() {
    internal.api();
    if (this[TREE].parent)
      remove(this);
  }
  get innerHTML() { return this[TREE].children.map(serialize).join(''); }
  set innerHTML(v) {
    internal.refuse('setting innerHTML (the HTML fragment parser is not modelled: build the ' +
                    'nodes with createElement and append them)');
  }
  get outerHTML() { return serialize(this); }
  insertAdjacentHTML() { internal.refuse('insertAdjacentHTML (the HTML fragment parser)'); }
}

class HTMLElement extends Element {
  // HTML 6.4.4 click(): a disabled form control does nothing; else, unless a click is in
  // progress on it, fire a synthetic pointer event named click (bubbles, cancelable,
  // composed) at it.  The activation behaviour of links, form controls and labels is not
  // modelled: a click on one is refused.
  click() {
    internal.api();
    const name = this._name;
    if (['a', 'area', 'input', 'label', 'select', 'option', 'summary', 'details'].includes(name) ||
        (name === 'button' && (this.closest('form') || this.hasAttribute('form'))))
      internal.refuse(`click() on <${name}>${name === 'button' ? ' in a form' : ''} (its ` +
                      'activation behaviour: following a link, submitting, checking, ' +
                      'selecting)');
    if (['button', 'fieldset', 'optgroup', 'textarea'].includes(name) &&
        this.hasAttribute('disabled'))
      return;
    if (this._clicking)
      return;
    this._clicking = true;
    try {
      dispatch(this, new PointerEvent('click', { bubbles: true, cancelable: true,
                                                 composed: true }));
    } finally {
      this._clicking = false;
    }
  }
  get hidden() { return this.hasAttribute('hidden'); }
  set hidden(v) { this.toggleAttribute('hidden', !!v); }
  get title() { return this.getAttribute('title') || ''; }
  set title(v) { this.setAttribute('title', v); }
  get dataset() {
    const el = this;
    const out = {};
    for (const a of el[ATTRS])
      if (a.name.startsWith('data-'))
        out[a.name.slice(5).replace(/-([a-z])/g, (m, c) => c.toUpperCase())] = a.value;
    return out;
  }
}
for (const name of ['style', 'offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft',
                    'clientWidth', 'clientHeight', 'scrollTop', 'scrollLeft', 'innerText',
                    'getBoundingClientRect', 'getClientRects', 'focus', 'blur', 'animate',
                    'scrollIntoView', 'attachShadow']) {
  Object.defineProperty(HTMLElement.prototype, name, {
    configurable: true,
    get() { internal.refuse(`element.${name} (layout, style and focus are not modelled)`); },
    set(v) { internal.refuse(`element.${name} (layout, style and focus are not modelled)`); },
  });
}
defineHandler(HTMLElement.prototype, 'onclick');

class UIEvent extends Event {
  constructor(type, init) {
    super(type, init);
    this.view = init && init.view || null;
    this.detail = init && init.detail || 0;
  }
}
class MouseEvent extends UIEvent {
  constructor(type, init) {
    super(type, init);
    for (const k of ['screenX', 'screenY', 'clientX', 'clientY', 'button', 'buttons'])
      this[k] = init && init[k] || 0;
    for (const k of ['ctrlKey', 'shiftKey', 'altKey', 'metaKey'])
      this[k] = !!(init && init[k]);
  }
}
class PointerEvent extends MouseEvent {
  constructor(type, init) {
    super(type, init);
    this.pointerId = init && init.pointerId || 0;
    this.pointerType = init && init.pointerType || '';
  }
}

function elementSibling(node, step) {
  for (let n = sibling(node, step); n; n = sibling(n, step))
    if (n instanceof Element)
      return n;
  return null;
}

function findAttr(el, name) {
  name = String(name).toLowerCase();
  return el[ATTRS].find((a) => a.name === name) || null;
}

function checkName(name, api) {
  if (!/^[^\s"'>/=\0]+$/.test(name))
    throw new win.DOMException(`Failed to execute '${api}' on 'Element': '${name}' is not a ` +
                               'valid attribute name.', 'InvalidCharacterError');
  return name.toLowerCase();
}

// DOM 4.9 "change an attribute" / "append an attribute": the record (old value: the
// attribute's, or null), then the change.  Setting the value it has is a change too.
function changeAttribute(el, name, value) {
  const a = findAttr(el, name);
  queueRecord('attributes', el, name, a ? a.value : null, [], [], null, null);
  if (a)
    a.value = value;
  else
    el[ATTRS].push({ name, value });
}

// DOMTokenList (DOM 7.1) over the class attribute: its update steps set the attribute, so
// each add/remove/toggle/replace makes a record, even when the classes stay as they were.
class DOMTokenList {
  constructor(el) { this._el = el; }
  _tokens() {
    const v = this._el.getAttribute('class');
    return v ? [...new Set(v.split(/[ \t\n\f\r]+/).filter(Boolean))] : [];
  }
  _update(tokens) {
    if (!this._el.hasAttribute('class') && tokens.length === 0)
      return;
    this._el.setAttribute('class', tokens.join(' '));
  }
  get length() { return this._tokens().length; }
  get value() { return this._el.getAttribute('class') || ''; }
  item(i) { return this._tokens()[i] || null; }
  contains(t) { return this._tokens().includes(String(t)); }
  add(...ts) {
    const tokens = this._tokens();
    for (const t of ts.map(String))
      if (!tokens.includes(t))
        tokens.push(t);
    this._update(tokens);
  }
  remove(...ts) {
    const drop = ts.map(String);
    this._update(this._tokens().filter((t) => !drop.includes(t)));
  }
  toggle(t, force) {
    t = String(t);
    const tokens = this._tokens();
    const has = tokens.includes(t);
    if (has && force !== true) {
      this._update(tokens.filter((x) => x !== t));
      return false;
    }
    if (!has && (force === undefined || force)) {
      tokens.push(t);
      this._update(tokens);
      return true;
    }
    return has;
  }
  replace(a, b) {
    const tokens = this._tokens();
    const i = tokens.indexOf(String(a));
    if (i < 0)
      return false;
    tokens[i] = String(b);
    this._update([...new Set(tokens)]);
    return true;
  }
  toString() { return this.value; }
  [Symbol.iterator]() { return this._tokens()[Symbol.iterator](); }
}

// ---- the tree's changes (DOM 4.2.3) ----------------------------------------------------------

function checkInsert(node, parent) {
  if (!(node instanceof Node))
    throw new TypeError("Failed to execute 'appendChild' on 'Node': parameter 1 is not of type " +
                        "'Node'.");
  if (node.contains(parent) || node === document)
    throw new win.DOMException("Failed to execute 'appendChild' on 'Node': The new child " +
                               'element contains the parent.', 'HierarchyRequestError');
}

function convertNodes(nodes) {
  const list = nodes.map((n) => (n instanceof Node ? n : new Text(String(n))));
  if (list.length === 1)
    return list[0];
  const f = new DocumentFragment();
  for (const n of list) {
    if (n[TREE].parent)
      remove(n);
    insertQuietly(n, f, null);
  }
  return f;
}

// "pre-insert" and "insert": a node with a parent is removed first (its own record), a
// fragment gives its children; one record for what was added
function preInsert(node, parent, child) {
  checkInsert(node, parent);
  if (child !== null && (!(child instanceof Node) || child[TREE].parent !== parent))
    throw new win.DOMException("Failed to execute 'insertBefore' on 'Node': The node before " +
                               'which the new node is to be inserted is not a child of this ' +
                               'node.', 'NotFoundError');
  const ref = child === node ? sibling(node, 1) : child;
  let nodes;
  if (node instanceof DocumentFragment) {
    nodes = node[TREE].children.slice();
    if (nodes.length) {
      for (const n of nodes)
        removeQuietly(n);
      queueTreeRecord(node, [], nodes, null, null);
    }
  } else {
    if (node[TREE].parent)
      remove(node);
    nodes = [node];
  }
  if (nodes.length === 0)
    return node;
  const prev = ref ? sibling(ref, -1) : parent.lastChild;
  for (const n of nodes)
    insertQuietly(n, parent, ref);
  queueTreeRecord(parent, nodes, [], prev, ref);
  return node;
}

function insertQuietly(node, parent, ref) {
  const c = parent[TREE].children;
  const at = ref ? c.indexOf(ref) : c.length;
  c.splice(at, 0, node);
  node[TREE].parent = parent;
}

function removeQuietly(node) {
  const p = node[TREE].parent;
  const c = p[TREE].children;
  c.splice(c.indexOf(node), 1);
  node[TREE].parent = null;
}

// DOM 4.2.3 "remove": the record with the node's siblings, then it goes
function remove(node) {
  const parent = node[TREE].parent;
  const prev = sibling(node, -1), next = sibling(node, 1);
  queueTreeRecord(parent, [], [node], prev, next);
  removeQuietly(node);
}

// "replace all": every child out, `node` (or nothing) in, one record
function replaceAll(node, parent) {
  const removed = parent[TREE].children.slice();
  for (const c of removed)
    removeQuietly(c);
  if (node)
    insertQuietly(node, parent, null);
  if (removed.length || node)
    queueTreeRecord(parent, node ? [node] : [], removed, null, null);
}

function queueTreeRecord(target, added, removed, prev, next) {
  queueRecord('childList', target, null, null, added, removed, prev, next);
}

// ---- MutationObserver (DOM 4.3) --------------------------------------------------------------

const observers = [];          // the agent's mutation observers, in the order they were made
let microtaskQueued = false;   // the agent's "mutation observer microtask queued"
const OBSERVER = Symbol('observer');

class MutationRecord {
  constructor(o) { Object.assign(this, o); }
}

class MutationObserver {
  constructor(callback) {
    internal.api();
    if (typeof callback !== 'function')
      throw new TypeError("Failed to construct 'MutationObserver': The callback provided as " +
                          'parameter 1 is not a function.');
    this[OBSERVER] = { callback, records: [], nodes: [] };
    observers.push(this);
  }
  // DOM 4.3.1 observe(): the options' defaults and checks, then one registered observer per
  // node (observing the node again replaces its options)
  observe(target, options = {}) {
    internal.api();
    if (!(target instanceof Node))
      throw new TypeError("Failed to execute 'observe' on 'MutationObserver': parameter 1 is " +
                          "not of type 'Node'.");
    const o = {
      childList: !!options.childList, subtree: !!options.subtree,
      attributes: options.attributes, characterData: options.characterData,
      attributeOldValue: options.attributeOldValue,
      characterDataOldValue: options.characterDataOldValue,
      attributeFilter: options.attributeFilter,
    };
    if ((o.attributeOldValue !== undefined || o.attributeFilter !== undefined) &&
        o.attributes === undefined)
      o.attributes = true;
    if (o.characterDataOldValue !== undefined && o.characterData === undefined)
      o.characterData = true;
    o.attributes = !!o.attributes;
    o.characterData = !!o.characterData;
    o.attributeOldValue = !!o.attributeOldValue;
    o.characterDataOldValue = !!o.characterDataOldValue;
    const fail = (why) => {
      throw new TypeError(`Failed to execute 'observe' on 'MutationObserver': ${why}`);
    };
    if (!o.childList && !o.attributes && !o.characterData)
      fail("The options object must set at least one of 'attributes', 'characterData', or " +
           "'childList' to true.");
    if (o.attributeOldValue && !o.attributes)
      fail("The options object may only set 'attributeOldValue' to true when 'attributes' is " +
           'true or not present.');
    if (o.attributeFilter !== undefined && !o.attributes)
      fail("The options object may only set 'attributeFilter' when 'attributes' is true or " +
           'not present.');
    if (o.characterDataOldValue && !o.characterData)
      fail("The options object may only set 'characterDataOldValue' to true when " +
           "'characterData' is true or not present.");
    if (o.attributeFilter !== undefined)
      o.attributeFilter = Array.from(o.attributeFilter, String);
    const list = target[REGISTERED] || (target[REGISTERED] = []);
    const mine = list.find((r) => r.observer === this);
    if (mine) {
      mine.options = o;
    } else {
      list.push({ observer: this, options: o });
      this[OBSERVER].nodes.push(target);
    }
  }
  disconnect() {
    internal.api();
    const me = this[OBSERVER];
    for (const node of me.nodes) {
      const list = node[REGISTERED];
      const i = list.findIndex((r) => r.observer === this);
      if (i >= 0)
        list.splice(i, 1);
    }
    me.nodes = [];
    me.records = [];
  }
  takeRecords() {
    internal.api();
    const me = this[OBSERVER];
    const r = me.records;
    me.records = [];
    return r;
  }
}

// DOM 4.3.2 "queue a mutation record": each observer registered on the target, or on an
// ancestor with subtree, whose options want this type (and this attribute) gets one record;
// the old value when it asked for it.  Then the microtask, when some observer got one.
function queueRecord(type, target, name, oldValue, added, removed, prev, next) {
  const interested = new Map();
  for (let node = target; node; node = node[TREE].parent) {
    for (const r of node[REGISTERED] || []) {
      const o = r.options;
      if (node !== target && !o.subtree)
        continue;
      if (type === 'attributes' && (!o.attributes ||
                                    (o.attributeFilter && !o.attributeFilter.includes(name))))
        continue;
      if (type === 'characterData' && !o.characterData)
        continue;
      if (type === 'childList' && !o.childList)
        continue;
      if (!interested.has(r.observer))
        interested.set(r.observer, null);
      if ((type === 'attributes' && o.attributeOldValue) ||
          (type === 'characterData' && o.characterDataOldValue))
        interested.set(r.observer, oldValue);
    }
  }
  for (const [observer, old] of interested) {
    observer[OBSERVER].records.push(new MutationRecord({
      type, target, addedNodes: added.slice(), removedNodes: removed.slice(),
      previousSibling: prev, nextSibling: next, attributeName: name,
      attributeNamespace: null, oldValue: old,
    }));
  }
  if (interested.size && !microtaskQueued) {
    microtaskQueued = true;
    internal.microtask(notifyObservers, 'MutationObserver');
  }
}

// DOM 4.3 "notify mutation observers": every observer's records, in the order the observers
// were made, each callback in this one microtask (a throw is reported, the next one runs)
function notifyObservers() {
  microtaskQueued = false;
  for (const mo of observers.slice()) {
    const me = mo[OBSERVER];
    const records = me.records;
    me.records = [];
    if (records.length === 0)
      continue;
    try {
      me.callback.call(mo, records, mo);
    } catch (e) {
      internal.report(e);
    }
  }
}

// ---- selectors (Selectors 4, reduced) -------------------------------------------------------

// A selector list of complex selectors: compounds of a type (or *), #id, .class and
// [attr], [attr=v], [attr~=v], [attr^=v], [attr$=v], [attr*=v], [attr|=v], joined by the
// descendant, child (>), next-sibling (+) and subsequent-sibling (~) combinators.
// Pseudo-classes are refused by name.
function parseSelectors(text, api) {
  const bad = () => {
    throw new win.DOMException(`Failed to execute '${api}' on 'Element': '${text}' is not a ` +
                               'valid selector.', 'SyntaxError');
  };
  const list = [];
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const ident = () => {
    const m = /^-?[_a-zA-Z\u00A0-\uFFFF][-_a-zA-Z0-9\u00A0-\uFFFF]*/.exec(text.slice(i));
    if (!m)
      bad();
    i += m[0].length;
    return m[0];
  };
  ws();
  for (;;) {
    const complex = [];       // [{ combinator, compound }] left to right
    let combinator = null;
    for (;;) {
      const c = { tag: null, id: null, classes: [], attrs: [] };
      let any = false;
      if (text[i] === '*') {
        i++;
        any = true;
      } else if (/[-_a-zA-Z]/.test(text[i] || '')) {
        c.tag = ident().toLowerCase();
        any = true;
      }
      for (;;) {
        if (text[i] === '#') {
          i++;
          c.id = ident();
        } else if (text[i] === '.') {
          i++;
          c.classes.push(ident());
        } else if (text[i] === '[') {
          i++;
          ws();
          const name = ident().toLowerCase();
          ws();
          let op = null, value = null;
          const m = /^([~^$*|]?=)/.exec(text.slice(i));
          if (m) {
            op = m[1];
            i += op.length;
            ws();
            const q = text[i];
            if (q === '"' || q === "'") {
              const end = text.indexOf(q, i + 1);
              if (end < 0)
                bad();
              value = text.slice(i + 1, end);
              i = end + 1;
            } else {
              value = ident();
            }
            ws();
          }
          if (text[i] !== ']')
            bad();
          i++;
          c.attrs.push({ name, op, value });
        } else if (text[i] === ':') {
          const m = /^::?[-a-zA-Z]*/.exec(text.slice(i));
          internal.refuse(`the selector ${m[0]} in '${text}' (loopsim's selectors: type, #id, ` +
                          '.class, [attribute] and the four combinators)');
        } else {
          break;
        }
        any = true;
      }
      if (!any)
        bad();
      complex.push({ combinator, compound: c });
      const before = i;
      ws();
      if (i >= text.length || text[i] === ',')
        break;
      if ('>+~'.includes(text[i])) {
        combinator = text[i++];
        ws();
      } else if (i > before) {
        combinator = ' ';
      } else {
        bad();
      }
    }
    list.push(complex);
    if (i >= text.length)
      break;
    i++; // ','
    ws();
  }
  return list;
}

function matchesCompound(el, c) {
  if (!(el instanceof Element))
    return false;
  if (c.tag && el._name !== c.tag)
    return false;
  if (c.id !== null && el.getAttribute('id') !== c.id)
    return false;
  if (c.classes.length) {
    const have = (el.getAttribute('class') || '').split(/[ \t\n\f\r]+/);
    for (const k of c.classes)
      if (!have.includes(k))
        return false;
  }
  for (const a of c.attrs) {
    const v = el.getAttribute(a.name);
    if (v === null)
      return false;
    const w = a.value;
    switch (a.op) {
      case null: break;
      case '=': if (v !== w) return false; break;
      case '~=': if (!v.split(/[ \t\n\f\r]+/).includes(w)) return false; break;
      case '^=': if (!w || !v.startsWith(w)) return false; break;
      case '$=': if (!w || !v.endsWith(w)) return false; break;
      case '*=': if (!w || !v.includes(w)) return false; break;
      case '|=': if (v !== w && !v.startsWith(w + '-')) return false; break;
    }
  }
  return true;
}

// right to left, as engines match
function matchesComplex(el, complex, k = complex.length - 1) {
  const { combinator, compound } = complex[k];
  if (!matchesCompound(el, compound))
    return false;
  if (k === 0)
    return true;
  if (combinator === '>')
    return matchesComplex(el[TREE].parent, complex, k - 1);
  if (combinator === ' ') {
    for (let p = el[TREE].parent; p instanceof Element; p = p[TREE].parent)
      if (matchesComplex(p, complex, k - 1))
        return true;
    return false;
  }
  if (combinator === '+')
    return matchesComplex(elementSibling(el, -1), complex, k - 1);
  for (let s = elementSibling(el, -1); s; s = elementSibling(s, -1))
    if (matchesComplex(s, complex, k - 1))
      return true;
  return false;
}

function matchesAny(el, list) {
  return list.some((complex) => matchesComplex(el, complex));
}

function descendants(scope) {
  const out = [];
  const walk = (n) => {
    for (const c of n[TREE].children) {
      if (c instanceof Element)
        out.push(c);
      walk(c);
    }
  };
  walk(scope);
  return out;
}

function select(scope, selectors, first) {
  internal.api();
  const list = parseSelectors(String(selectors), first ? 'querySelector' : 'querySelectorAll');
  const out = [];
  for (const el of descendants(scope))
    if (matchesAny(el, list)) {
      out.push(el);
      if (first)
        break;
    }
  return out;
}

function byTag(scope, name) {
  internal.api();
  name = name.toLowerCase();
  return descendants(scope).filter((el) => name === '*' || el._name === name);
}

function byClass(scope, names) {
  internal.api();
  const want = names.split(/[ \t\n\f\r]+/).filter(Boolean);
  return descendants(scope).filter((el) => {
    const have = (el.getAttribute('class') || '').split(/[ \t\n\f\r]+/);
    return want.length > 0 && want.every((k) => have.includes(k));
  });
}

// ---- serializing (for innerHTML and outerHTML as getters) -----------------------------------

const VOID = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta',
              'source', 'track', 'wbr'];

function escapeText(s, attr) {
  s = s.replace(/&/g, '&amp;').replace(/\u00A0/g, '&nbsp;');
  return attr ? s.replace(/"/g, '&quot;') : s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function serialize(node) {
  if (node instanceof Text) {
    const p = node[TREE].parent;
    return p && ['script', 'style'].includes(p._name) ? node.data : escapeText(node.data, false);
  }
  if (node instanceof Comment)
    return `<!--${node.data}-->`;
  const attrs = node[ATTRS].map((a) => ` ${a.name}="${escapeText(a.value, true)}"`).join('');
  if (VOID.includes(node._name))
    return `<${node._name}${attrs}>`;
  return `<${node._name}${attrs}>${node[TREE].children.map(serialize).join('')}</${node._name}>`;
}

// ---- the document ---------------------------------------------------------------------------

class DocumentFragment extends Node {
  constructor() { super(TREE); }
  get nodeType() { return 11; }
  get nodeName() { return '#document-fragment'; }
  querySelector(s) { return select(this, s, true)[0] || null; }
  querySelectorAll(s) { return select(this, s, false); }
  append(...nodes) { preInsert(convertNodes(nodes), this, null); }
}

class Document extends Node {
  constructor(key) { super(key); }
  get nodeType() { return 9; }
  get nodeName() { return '#document'; }
  get documentElement() {
    return this[TREE].children.find((c) => c instanceof Element) || null;
  }
  get head() { return childNamed(this.documentElement, 'head'); }
  get body() { return childNamed(this.documentElement, 'body'); }
  get children() { return this[TREE].children.filter((c) => c instanceof Element); }
  get defaultView() { return globalThis; }
  getElementById(id) {
    internal.api();
    id = String(id);
    return descendants(this).find((el) => el.getAttribute('id') === id) || null;
  }
  querySelector(s) { return select(this, s, true)[0] || null; }
  querySelectorAll(s) { return select(this, s, false); }
  getElementsByTagName(name) { return byTag(this, String(name)); }
  getElementsByClassName(names) { return byClass(this, String(names)); }
  createElement(name) {
    internal.api();
    name = String(name);
    if (!/^[a-zA-Z][^\s\0/>]*$/.test(name))
      throw new win.DOMException(`Failed to execute 'createElement' on 'Document': The tag ` +
                                 `name provided ('${name}') is not a valid name.`,
                                 'InvalidCharacterError');
    return new HTMLElement(TREE, name.toLowerCase());
  }
  createTextNode(data) {
    internal.api();
    return new Text(String(data));
  }
  createComment(data) {
    internal.api();
    return new Comment(String(data));
  }
  createDocumentFragment() {
    internal.api();
    return new DocumentFragment();
  }
  createEvent(name) {
    internal.refuse('document.createEvent (the legacy initEvent API: use new Event(...))');
  }
}
for (const name of ['readyState', 'write', 'writeln', 'open', 'close', 'cookie', 'hidden',
                    'visibilityState', 'activeElement', 'elementFromPoint', 'fonts',
                    'currentScript', 'hasFocus', 'execCommand', 'title']) {
  Object.defineProperty(Document.prototype, name, {
    configurable: true,
    get() { internal.refuse(`document.${name} (not modelled: loopsim's document is the ` +
                            "page's tree of elements)"); },
    set(v) { internal.refuse(`document.${name} (not modelled)`); },
  });
}
defineHandler(Document.prototype, 'onclick');

function childNamed(el, name) {
  if (!el)
    return null;
  return el[TREE].children.find((c) => c instanceof Element && c._name === name) || null;
}

const document = new Document(TREE);

// ---- the parser's nodes (window.c, from browser/page.c) --------------------------------------

const parsed = [];          // by the page's index
const pending = [];         // nodes the parser inserts after a classic script

// A node of the page: `kind` 1 element, 3 text, 8 comment; `parent` an earlier index or -1
// (the document); `attrs` [name, value, ...]; `later` true for what comes after a classic
// script.  Before the script runs the parser's insertions are nobody's business (no observer
// exists yet); after it, finishParsing inserts them as the parser does, with records.
function addParsed(kind, parent, name, attrs, data, later) {
  let node;
  if (kind === 1) {
    node = new HTMLElement(TREE, name);
    for (let i = 0; i < attrs.length; i += 2)
      node[ATTRS].push({ name: attrs[i], value: attrs[i + 1] });
  } else if (kind === 3) {
    node = new Text(data);
  } else {
    node = new Comment(data);
  }
  parsed.push(node);
  const into = parent < 0 ? document : parsed[parent];
  if (later)
    pending.push([node, into]);
  else
    insertQuietly(node, into, null);
}

// HTML 13.2.6.1 "insert an element at the adjusted insertion location": the DOM's insert, so
// an observer sees the parser's nodes come
function finishParsing() {
  for (const [node, into] of pending.splice(0))
    preInsert(node, into, null);
}

module.exports = {
  document, Node, Element, HTMLElement, CharacterData, Text, Comment, Document,
  DocumentFragment, DOMTokenList, MutationObserver, MutationRecord, UIEvent, MouseEvent,
  PointerEvent, addParsed, finishParsing,
};
