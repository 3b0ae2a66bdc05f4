// The wxlint/prosemirror demo: a basic ProseMirror editor with the plugin. Built into
// target/examples/ by scripts/build-examples.mjs (esbuild); open target/examples/prosemirror.html
// through any static server. window.wxlintDemo is for the tests.
import init, { Checker } from 'wxlint';
import { wxlintPlugin, wxlintKey } from 'wxlint/prosemirror';
import { EditorState, Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Schema, DOMParser as PMDOMParser } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { history, undo, redo } from 'prosemirror-history';

const schema = new Schema({ nodes: basic.spec.nodes, marks: basic.spec.marks });
const SAMPLE = `<p>4月23日，柳河镇中心幼儿园开展亲子阅读活动，做到警钟常鸣，确保活动安全。</p>
<p>活动时间：4月xx日。联系电话：13912345678。</p>
<p>供稿：柳河镇中心幼儿园</p>`;

const demo = (window.wxlintDemo = { view: null, findings: [], lastMs: null, checks: 0, key: wxlintKey });

demo.ready = (async () => {
  await init({ module_or_path: new URL('wxlint_bg.wasm', import.meta.url) });
  const checker = new Checker();
  const params = new URLSearchParams(location.search);
  const holder = document.createElement('div');
  holder.innerHTML = params.get('empty') === '1' ? '<p></p>' : SAMPLE;
  const status = document.getElementById('status');
  // For the benchmark: every document change (?plugin=0: the bare editor, without wxlint).
  const updates = new Plugin({ view: () => ({ update(v, prev) { if (v.state.doc !== prev.doc && demo.afterUpdate) demo.afterUpdate(); } }) });
  const state = EditorState.create({
    doc: PMDOMParser.fromSchema(schema).parse(holder),
    plugins: [
      history(),
      keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }),
      keymap(baseKeymap),
      updates,
      ...(params.get('plugin') === '0' ? [] : [wxlintPlugin({
        checker,
        // The article's title lives outside the editor: the checker checks it too.
        fields: () => ({ title: '柳河镇中心幼儿园开展亲子阅读活动' }),
        onFindings(findings, ms) {
          demo.findings = findings;
          demo.lastMs = ms;
          demo.checks += 1;
          if (demo.afterCheck) demo.afterCheck(findings);
          const n = (s) => findings.filter((f) => f.severity === s).length;
          status.textContent = `必须修改 ${n('block')} · 需领导审核 ${n('review')} · 建议修改 ${n('warn')} · 提示 ${n('info')}`;
        },
      })]),
    ],
  });
  demo.view = new EditorView(document.getElementById('editor'), { state });
  demo.findings = (wxlintKey.getState(demo.view.state) || { findings: [] }).findings;
  status.textContent = `已检查：${demo.findings.length} 处问题`;
})();
