/*
 * The promotion view: environments as columns, apps as rows, from GET api/status.
 *
 * Plain JavaScript without a build step, so that the Jenkins plugin can serve this very file. It works under a
 * strict Content-Security-Policy (default-src 'self'): no inline script or style, no event handler attributes, no
 * eval; every element is made with createElement and filled with textContent, never innerHTML. Settings come from
 * the mount element's data-* attributes: data-base (the URL the api/ endpoints are relative to), data-crumb-header
 * and data-crumb (sent with every POST when given), data-read-only ("true" hides the actions).
 */
(function () {
  'use strict';

  var mount = document.getElementById('gitops-promotion-view');
  if (!mount) {
    return;
  }
  var base = mount.getAttribute('data-base') || '';
  if (base !== '' && base.charAt(base.length - 1) !== '/') {
    base += '/';
  }
  var crumbHeader = mount.getAttribute('data-crumb-header') || '';
  var crumb = mount.getAttribute('data-crumb') || '';
  var readOnly = mount.getAttribute('data-read-only') === 'true';
  var PAGE_SIZES = [25, 50, 100, 200];

  var view = { state: null, filter: '', page: 0, pageSize: 50, drawerFor: null, lastFocus: null };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'text') {
        node.textContent = value;
      } else if (name === 'onclick') {
        node.addEventListener('click', value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  /* Only http(s) links: a trailer in a commit message must not become a javascript: URL. */
  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }

  function shortDigest(digest) {
    if (!digest) {
      return '';
    }
    var colon = digest.indexOf(':');
    return digest.substring(0, colon + 1 + 12);
  }

  function age(iso) {
    if (!iso) {
      return '';
    }
    var seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
    if (seconds < 90) {
      return 'just now';
    }
    var units = [['d', 86400], ['h', 3600], ['min', 60]];
    for (var i = 0; i < units.length; i++) {
      if (seconds >= units[i][1]) {
        return Math.floor(seconds / units[i][1]) + ' ' + units[i][0] + ' ago';
      }
    }
    return '';
  }

  function request(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      if (crumbHeader && crumb) {
        headers[crumbHeader] = crumb;
      }
      init.body = JSON.stringify(body);
    }
    return fetch(base + path, init).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        if (!response.ok) {
          throw new Error((json && json.error) || (response.status + ' ' + response.statusText));
        }
        return json;
      });
    });
  }

  /* ---- the frame: toolbar, live status line, table, pager, drawer ---- */

  var filterInput = el('input', { type: 'search', id: 'gp-filter', placeholder: 'app name', autocomplete: 'off' });
  var refreshButton = el('button', { type: 'button', 'class': 'gp-button', text: 'Refresh' });
  var statusLine = el('p', { 'class': 'gp-status', role: 'status', 'aria-live': 'polite' });
  var summary = el('p', { 'class': 'gp-summary' });
  var tableHolder = el('div', { 'class': 'gp-table-holder' });
  var pager = el('nav', { 'class': 'gp-pager', 'aria-label': 'Pages of apps' });
  var drawerTitle = el('h2', { id: 'gp-drawer-title', 'class': 'gp-drawer-title' });
  var drawerBody = el('div', { 'class': 'gp-drawer-body' });
  var drawerClose = el('button', { type: 'button', 'class': 'gp-button', text: 'Close', 'aria-label': 'Close the history' });
  var drawer = el('aside', { id: 'gp-drawer', 'class': 'gp-drawer', role: 'dialog', 'aria-labelledby': 'gp-drawer-title',
    hidden: true }, [el('div', { 'class': 'gp-drawer-head' }, [drawerTitle, drawerClose]), drawerBody]);

  mount.appendChild(el('div', { 'class': 'gp-toolbar' }, [
    el('label', { 'for': 'gp-filter', text: 'Filter apps' }), filterInput, refreshButton]));
  mount.appendChild(summary);
  mount.appendChild(statusLine);
  mount.appendChild(tableHolder);
  mount.appendChild(pager);
  mount.appendChild(drawer);

  filterInput.addEventListener('input', function () {
    view.filter = filterInput.value.trim().toLowerCase();
    view.page = 0;
    renderTable();
  });
  refreshButton.addEventListener('click', function () {
    load('Refreshed.');
  });
  drawerClose.addEventListener('click', closeDrawer);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !drawer.hidden) {
      closeDrawer();
    }
  });

  function say(text, isError) {
    statusLine.textContent = text;
    statusLine.className = 'gp-status' + (isError ? ' gp-error' : '');
  }

  function load(doneMessage) {
    say('Loading…');
    return request('GET', 'api/status').then(function (state) {
      view.state = state;
      renderSummary();
      renderTable();
      say(doneMessage || '');
    }).catch(function (error) {
      say('Could not load the state: ' + error.message, true);
    });
  }

  function renderSummary() {
    var state = view.state;
    summary.textContent = '';
    summary.appendChild(document.createTextNode(state.repository + ' · ' + state.base + ' at '));
    summary.appendChild(el('code', { text: state.commit.substring(0, 10) }));
    summary.appendChild(document.createTextNode(' · ' + state.apps.length + ' apps × ' + state.environments.length
      + ' environments · ' + state.configSource));
    (state.warnings || []).forEach(function (warning) {
      summary.appendChild(el('span', { 'class': 'gp-warning', text: ' ⚠ ' + warning }));
    });
  }

  function visibleApps() {
    var apps = view.state.apps;
    if (!view.filter) {
      return apps;
    }
    return apps.filter(function (row) {
      return row.app.toLowerCase().indexOf(view.filter) >= 0;
    });
  }

  function renderTable() {
    if (!view.state) {
      return;
    }
    var state = view.state;
    var apps = visibleApps();
    var pages = Math.max(1, Math.ceil(apps.length / view.pageSize));
    view.page = Math.min(view.page, pages - 1);
    var shown = apps.slice(view.page * view.pageSize, (view.page + 1) * view.pageSize);

    var head = el('tr', {}, [el('th', { scope: 'col', 'class': 'gp-app-col', text: 'App' }),
      el('th', { scope: 'col', 'class': 'gp-parity-col', text: 'Parity' })]);
    state.environments.forEach(function (env) {
      head.appendChild(el('th', { scope: 'col', text: env }));
    });
    var body = el('tbody');
    shown.forEach(function (row) {
      var tr = el('tr', { 'data-app': row.app }, [el('th', { scope: 'row', 'class': 'gp-app', text: row.app }),
        el('td', { 'class': 'gp-parity-cell' }, [parity(row)])]);
      row.cells.forEach(function (cell, index) {
        tr.appendChild(renderCell(cell, state.environments[index + 1]));
      });
      body.appendChild(tr);
    });
    var table = el('table', { 'class': 'gp-matrix' }, [
      el('caption', { 'class': 'gp-caption', text: 'Which version each app has in each environment, from Git' }),
      el('thead', {}, [head]), body]);
    tableHolder.textContent = '';
    tableHolder.appendChild(apps.length ? table : el('p', { 'class': 'gp-empty', text: 'No app matches the filter.' }));
    renderPager(apps.length, pages);
  }

  function parity(row) {
    var problems = row.parity.drift.concat(row.parity.unpromoted);
    if (row.parity.ok) {
      return el('span', { 'class': 'gp-parity gp-ok', title: 'The environments differ only in the image version',
        text: '✓ same' });
    }
    return el('button', { type: 'button', 'class': 'gp-parity gp-differs', 'aria-haspopup': 'dialog',
      title: problems.join('\n'), text: '⚠ ' + problems.length + ' differ' + (problems.length === 1 ? 's' : ''),
      onclick: function (event) {
        openDrawer('Parity of ' + row.app, event.currentTarget, function () {
          var list = el('ul', { 'class': 'gp-list' });
          problems.forEach(function (problem) {
            list.appendChild(el('li', { text: problem }));
          });
          return Promise.resolve(list);
        });
      } });
  }

  function renderCell(cell, nextEnv) {
    var td = el('td', { 'class': 'gp-cell', 'data-app': cell.app, 'data-env': cell.env });
    if (cell.error) {
      td.appendChild(el('span', { 'class': 'gp-cell-error', title: cell.error, text: 'unreadable' }));
    } else if (cell.tag === null && cell.digest === null) {
      td.appendChild(el('span', { 'class': 'gp-cell-error', title: cell.references.join('\n'),
        text: cell.references.length ? 'files disagree' : 'not set' }));
    } else {
      td.appendChild(el('span', { 'class': 'gp-tag', text: cell.tag || '' }));
      if (cell.digest) {
        td.appendChild(el('code', { 'class': 'gp-digest', title: cell.digest, text: shortDigest(cell.digest) }));
      }
    }
    if (cell.setBy) {
      td.appendChild(el('span', { 'class': 'gp-age', title: cell.setBy.title + ' — ' + cell.setBy.author + ', '
        + cell.setBy.time, text: age(cell.setBy.time) }));
    }
    if (cell.pending) {
      var label = 'pending ' + cell.pending.label;
      var pr = cell.pending.pullRequest;
      td.appendChild(pr && safeUrl(pr.url)
        ? el('a', { 'class': 'gp-pending', href: safeUrl(pr.url), title: 'Pull request #' + pr.number + ' from '
          + cell.pending.branch, text: label + ' (#' + pr.number + ')' })
        : el('span', { 'class': 'gp-pending', title: 'Branch ' + cell.pending.branch, text: label }));
      if (cell.pending.checks) {
        td.appendChild(checks(cell.pending.checks));
      }
    }
    if (cell.deployment) {
      td.appendChild(deployment(cell));
    }
    if (cell.hold) {
      td.appendChild(el('span', { 'class': 'gp-held', title: 'Held by ' + cell.hold.by + ' since ' + cell.hold.at + ': '
        + cell.hold.reason + ' (promotions into it are refused until released)', text: 'held: ' + cell.hold.reason }));
    }
    var actions = el('div', { 'class': 'gp-actions' });
    actions.appendChild(el('button', { type: 'button', 'class': 'gp-button gp-history', 'aria-haspopup': 'dialog',
      'aria-label': 'History of ' + cell.app + ' in ' + cell.env, text: 'History',
      onclick: function (event) {
        openHistory(cell, event.currentTarget);
      } }));
    if (!readOnly && nextEnv && !cell.error && (cell.tag || cell.digest)) {
      actions.appendChild(el('button', { type: 'button', 'class': 'gp-button gp-promote',
        'aria-label': 'Promote ' + cell.app + ' ' + (cell.tag || shortDigest(cell.digest)) + ' from ' + cell.env
          + ' to ' + nextEnv, text: '→ ' + nextEnv,
        onclick: function (event) {
          act(event.currentTarget, 'api/promote', { app: cell.app, env: cell.env });
        } }));
    }
    if (!readOnly && cell.hold) {
      actions.appendChild(el('button', { type: 'button', 'class': 'gp-button gp-release',
        'aria-label': 'Release the hold on ' + cell.app + ' in ' + cell.env, text: 'Release',
        onclick: function (event) {
          act(event.currentTarget, 'api/release', { app: cell.app, env: cell.env });
        } }));
    }
    td.appendChild(actions);
    return td;
  }

  /* The environment's required checks on the pending branch's tip: auto-merge waits until every one succeeded. */
  function checks(list) {
    var passed = list.filter(function (c) {
      return c.state === 'success';
    }).length;
    return el('span', { 'class': 'gp-checks' + (passed === list.length ? ' gp-checks-passed' : ''),
      title: list.map(function (c) {
        return c.name + ': ' + c.state;
      }).join('\n'), text: 'checks ' + passed + '/' + list.length });
  }

  /* What the GitOps agents report of the cell's version: its state, each cluster's (the report's message on hover),
     and the delivery figures. */
  function deployment(cell) {
    var d = cell.deployment;
    var box = el('div', { 'class': 'gp-deployment' });
    box.appendChild(el('span', { 'class': 'gp-state gp-state-' + d.state, title: d.message + (d.reportedAt
      ? ' (' + d.source + (d.cluster ? ', ' + d.cluster : '') + ', ' + d.reportedAt + ')' : ''), text: d.state }));
    if (d.clusters.length > 1) {
      d.clusters.forEach(function (c) {
        box.appendChild(el('span', { 'class': 'gp-cluster gp-state-' + c.state, title: c.message, text: c.cluster + ': '
          + c.state }));
      });
    }
    var figures = metricsOf(cell);
    if (figures) {
      var parts = [figures.deployments + (figures.deployments === 1 ? ' deploy' : ' deploys') + ' in ' + figures.windowDays + 'd'];
      if (figures.leadTimeSeconds !== null) {
        parts.push('lead ' + duration(figures.leadTimeSeconds));
      }
      if (figures.changeFailureRate !== null) {
        parts.push(Math.round(figures.changeFailureRate * 100) + '% failed');
      }
      if (figures.timeToRestoreSeconds !== null) {
        parts.push('restored in ' + duration(figures.timeToRestoreSeconds));
      }
      box.appendChild(el('span', { 'class': 'gp-metrics', title: 'Over ' + figures.windowDays + ' days: deployments,'
        + ' median lead time from the source commit to healthy, change failure rate, median time to restore',
        text: parts.join(' · ') }));
    }
    return box;
  }

  function metricsOf(cell) {
    var found = null;
    (view.state.metrics || []).forEach(function (m) {
      if (m.env === cell.env && m.app === cell.app) {
        found = m;
      }
    });
    return found;
  }

  function duration(seconds) {
    if (seconds < 90) {
      return seconds + ' s';
    }
    if (seconds < 5400) {
      return Math.round(seconds / 60) + ' min';
    }
    if (seconds < 172800) {
      return Math.round(seconds / 3600) + ' h';
    }
    return Math.round(seconds / 86400) + ' d';
  }

  function renderPager(count, pages) {
    pager.textContent = '';
    var previous = el('button', { type: 'button', 'class': 'gp-button', text: '‹ Previous', disabled: view.page === 0,
      onclick: function () {
        view.page--;
        renderTable();
      } });
    var next = el('button', { type: 'button', 'class': 'gp-button', text: 'Next ›', disabled: view.page >= pages - 1,
      onclick: function () {
        view.page++;
        renderTable();
      } });
    var size = el('select', { id: 'gp-page-size', 'aria-label': 'Apps per page' });
    PAGE_SIZES.forEach(function (n) {
      size.appendChild(el('option', { value: n, selected: n === view.pageSize, text: n + ' per page' }));
    });
    size.addEventListener('change', function () {
      view.pageSize = parseInt(size.value, 10);
      view.page = 0;
      renderTable();
    });
    var first = count === 0 ? 0 : view.page * view.pageSize + 1;
    pager.appendChild(previous);
    pager.appendChild(el('span', { 'class': 'gp-page', text: 'Apps ' + first + '–' + Math.min(count,
      (view.page + 1) * view.pageSize) + ' of ' + count + ' (page ' + (view.page + 1) + ' of ' + pages + ')' }));
    pager.appendChild(next);
    pager.appendChild(size);
  }

  /* ---- actions ---- */

  function act(button, path, body) {
    button.disabled = true;
    say('Working…');
    return request('POST', path, body).then(function (result) {
      return load(result.status + ': ' + result.reason).then(function () {
        if (view.drawerFor && !drawer.hidden) {
          view.drawerFor();
        }
      });
    }).catch(function (error) {
      button.disabled = false;
      say('Failed: ' + error.message, true);
    });
  }

  /* ---- the drawer ---- */

  function openDrawer(title, opener, fill) {
    view.lastFocus = opener;
    drawerTitle.textContent = title;
    drawer.hidden = false;
    var refill = function () {
      drawerBody.textContent = '';
      drawerBody.appendChild(el('p', { text: 'Loading…' }));
      return fill().then(function (content) {
        drawerBody.textContent = '';
        drawerBody.appendChild(content);
      }).catch(function (error) {
        drawerBody.textContent = '';
        drawerBody.appendChild(el('p', { 'class': 'gp-error', text: error.message }));
      });
    };
    view.drawerFor = refill;
    drawerClose.focus();
    return refill();
  }

  function closeDrawer() {
    drawer.hidden = true;
    view.drawerFor = null;
    if (view.lastFocus && document.body.contains(view.lastFocus)) {
      view.lastFocus.focus();
    }
  }

  function openHistory(cell, opener) {
    openDrawer('History of ' + cell.app + ' in ' + cell.env, opener, function () {
      return request('GET', 'api/history?app=' + encodeURIComponent(cell.app) + '&env=' + encodeURIComponent(cell.env))
        .then(function (entries) {
          var list = el('ol', { 'class': 'gp-list gp-history-list' });
          entries.forEach(function (entry) {
            list.appendChild(historyItem(cell, entry));
          });
          return entries.length ? list : el('p', { text: 'No version found in the history of its files.' });
        });
    });
  }

  function historyItem(cell, entry) {
    var commit = entry.setBy;
    var item = el('li', { 'class': 'gp-history-entry' + (entry.current ? ' gp-current' : '') }, [
      el('span', { 'class': 'gp-tag', text: entry.label }),
      entry.digest && entry.tag ? el('code', { 'class': 'gp-digest', title: entry.digest, text: shortDigest(entry.digest) })
        : null,
      entry.current ? el('span', { 'class': 'gp-badge', text: 'current' }) : null,
      el('div', { 'class': 'gp-commit', text: commit.title }),
      el('div', { 'class': 'gp-meta', text: commit.author + ' · ' + age(commit.time) + ' · ' + commit.id.substring(0, 10) })]);
    var build = safeUrl(commit.buildUrl);
    if (build) {
      item.appendChild(el('a', { href: build, text: 'build' }));
    }
    var source = safeUrl(commit.sourceUrl);
    if (source) {
      item.appendChild(el('a', { href: source, text: ' source ' + (commit.sourceCommit || '').substring(0, 10) }));
    }
    if (!readOnly && !entry.current && entry.tag) {
      item.appendChild(el('button', { type: 'button', 'class': 'gp-button gp-rollback',
        'aria-label': 'Roll ' + cell.app + ' in ' + cell.env + ' back to ' + entry.tag, text: 'Roll back to ' + entry.tag,
        onclick: function (event) {
          act(event.currentTarget, 'api/rollback', { app: cell.app, env: cell.env, to: entry.tag });
        } }));
    }
    return item;
  }

  load();
}());
