// The dashboard's entry: asks the API what this visitor may do (and for a token when the server
// wants one), then shows the page the address names: #/ (runs) or #/runs/{workflow}/{runId}.

import {h, fill} from './dom.js';
import * as api from './api.js';
import {runsPage} from './runs-page.js';
import {runPage} from './run-page.js';

const main = document.getElementById('main');
const accessLine = document.getElementById('access');
let leave = () => {};

function tokenForm(message) {
  const input = h('input', {id: 'token', type: 'password', autocomplete: 'off',
    placeholder: 'bearer token'});
  const form = h('form', {class: 'card', id: 'token-form'},
      h('h1', {}, 'Sign in'), h('p', {class: 'muted'}, message),
      h('label', {for: 'token'}, 'Token '), input, h('button', {type: 'submit'}, 'Use token'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api.setToken(input.value.trim());
    start();
  });
  fill(main, form);
}

function route(access) {
  leave();
  const hash = location.hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart] = hash.split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'runs' && parts.length === 3) {
    leave = runPage(main, parts[1], parts[2], access);
  } else {
    leave = runsPage(main, new URLSearchParams(queryPart || ''), access);
  }
}

async function start() {
  let access;
  try {
    access = await api.get('/access');
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 401) {
      const refused = api.token() !== null;
      api.setToken(null);
      tokenForm(refused ? 'That token was refused.' : 'This server wants a bearer token.');
      return;
    }
    fill(main, h('p', {class: 'error'}, e.message));
    return;
  }
  fill(accessLine, access.tokensRequired ? `signed in: ${access.role}` : `${access.role} (no token)`);
  if (access.tokensRequired) {
    accessLine.append(' ', h('button', {type: 'button', onclick: () => {
      api.setToken(null);
      location.reload();
    }}, 'Sign out'));
  }
  window.onhashchange = () => route(access);
  route(access);
}

start();
