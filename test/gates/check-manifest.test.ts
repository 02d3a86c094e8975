import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claspStatus,
  externalRequests,
  listFiles,
  loadManifestSchema,
  manifestProblems,
  pushProblems,
} from '../../scripts/check-manifest.mjs';
import { DIST } from '../support/loadBundle';

const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';
const GOOD = { timeZone: 'Etc/UTC', runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER', oauthScopes: [CURRENT_ONLY, CONTAINER_UI] };

let schema: object;
beforeAll(async () => {
  schema = await loadManifestSchema();
});

describe('manifest check', () => {
  it('passes the built dist/appsscript.json', async () => {
    const manifest = JSON.parse(await readFile(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifestProblems(manifest, schema)).toEqual([]);
  });

  it('passes a good manifest and one asking for fewer scopes', () => {
    expect(manifestProblems(GOOD, schema)).toEqual([]);
    expect(manifestProblems({ ...GOOD, oauthScopes: [CURRENT_ONLY] }, schema)).toEqual([]);
  });

  it('fails on a scope beyond the two allowed', () => {
    const problems = manifestProblems(
      { ...GOOD, oauthScopes: [CURRENT_ONLY, CONTAINER_UI, 'https://www.googleapis.com/auth/spreadsheets'] },
      schema,
    );
    expect(problems).toEqual([expect.stringContaining('"https://www.googleapis.com/auth/spreadsheets" is not allowed')]);
    const external = manifestProblems(
      { ...GOOD, oauthScopes: [CURRENT_ONLY, 'https://www.googleapis.com/auth/script.external_request'] },
      schema,
    );
    expect(external.join('\n')).toContain('script.external_request');
  });

  it('fails when oauthScopes is missing, so Apps Script would infer scopes', () => {
    const { oauthScopes: _dropped, ...noScopes } = GOOD;
    expect(manifestProblems(noScopes, schema)).toEqual([expect.stringContaining('oauthScopes is missing')]);
  });

  it('fails on a urlFetchWhitelist, even an https one', () => {
    const problems = manifestProblems({ ...GOOD, urlFetchWhitelist: ['https://kling.ai/'] }, schema);
    expect(problems).toEqual([expect.stringContaining('urlFetchWhitelist')]);
    expect(manifestProblems({ ...GOOD, urlFetchWhitelist: ['http://example.com/'] }, schema).join('\n')).toContain('urlFetchWhitelist');
  });

  it('fails unless the runtime is V8', () => {
    expect(manifestProblems({ ...GOOD, runtimeVersion: 'DEPRECATED_ES5' }, schema)).toEqual([expect.stringContaining('runtimeVersion')]);
    const { runtimeVersion: _dropped, ...noRuntime } = GOOD;
    expect(manifestProblems(noRuntime, schema)).toEqual([expect.stringContaining('runtimeVersion')]);
  });

  it('fails on what the schema rejects and on keys it does not know', () => {
    expect(manifestProblems({ ...GOOD, runtimeVersion: 'V9' }, schema).some((p) => p.startsWith('schema:'))).toBe(true);
    expect(manifestProblems({ ...GOOD, oauthScopes: CURRENT_ONLY }, schema).some((p) => p.startsWith('schema:'))).toBe(true);
    expect(manifestProblems({ ...GOOD, oauthScope: [CURRENT_ONLY] }, schema)).toEqual([
      expect.stringContaining('unknown manifest key "oauthScope"'),
    ]);
    expect(manifestProblems([GOOD], schema)).toEqual(['the manifest is not a JSON object']);
  });

  it('fails on other ways in or out: web app, execution API, libraries, advanced services', () => {
    expect(manifestProblems({ ...GOOD, webapp: { access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' } }, schema)).toHaveLength(1);
    expect(manifestProblems({ ...GOOD, executionApi: { access: 'ANYONE' } }, schema)).toHaveLength(1);
    const libraries = {
      libraries: [{ userSymbol: 'OAuth2', libraryId: '1B7FSrk5Zi6L1rSxxTDgDEUsPzlukDsi4KGuTMorsTQHhGBzBkMun4iDF', version: '41' }],
    };
    expect(manifestProblems({ ...GOOD, dependencies: libraries }, schema)).toEqual([expect.stringContaining('libraries')]);
    const services = { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] };
    expect(manifestProblems({ ...GOOD, dependencies: services }, schema)).toEqual([expect.stringContaining('advanced service')]);
  });
});

describe('external request check', () => {
  it('finds server fetches and remote resources in pushed files', () => {
    expect(externalRequests('Code.js', 'function f(){return UrlFetchApp.fetch("https://kling.ai")}')).toHaveLength(2);
    expect(externalRequests('Sidebar.html', '<script src="https://cdn.example.com/x.js"></script>')).toEqual([
      expect.stringContaining('remote src'),
    ]);
    expect(externalRequests('Sidebar.html', '<link rel="stylesheet" href="//fonts.example.com/a.css">')).toHaveLength(1);
    expect(externalRequests('Sidebar.html', '<style>@import url("https://x.example/a.css");</style>').length).toBeGreaterThan(0);
  });

  it('accepts plain text that only names a site, and inline resources', () => {
    expect(externalRequests('Code.js', 'var s="kling.ai/dev/pricing (via kling.ai/llms.txt)"; google.script.run.x();')).toEqual([]);
    expect(
      externalRequests('Sidebar.html', '<a href="https://kling.ai" target="_blank">source</a><img src="data:image/png;base64,AAAA">'),
    ).toEqual([]);
  });

  it('finds none in the built dist/', async () => {
    for (const file of (await listFiles(DIST)).filter((f) => /\.(js|html)$/.test(f))) {
      expect(externalRequests(file, await readFile(join(DIST, file), 'utf8'))).toEqual([]);
    }
  });
});

describe('clasp push check', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'kling-push-test-'));
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('the real project would push exactly dist/', async () => {
    const status = await claspStatus(join(DIST, '..'));
    expect(pushProblems(status, await listFiles(DIST))).toEqual([]);
    expect(status.filesToPush).toContain('Code.js');
    expect(status.filesToPush).toContain('appsscript.json');
  });

  it('fails when dist/ holds a file clasp would not push, or clasp would push one dist/ lacks', async () => {
    const dist = join(project, 'dist');
    await mkdir(join(dist, 'extra'), { recursive: true });
    await writeFile(join(project, '.clasp.json'), JSON.stringify({ scriptId: '', rootDir: 'dist' }));
    await writeFile(join(dist, 'appsscript.json'), JSON.stringify(GOOD));
    await writeFile(join(dist, 'Code.js'), 'function a() {}\n');
    await writeFile(join(dist, 'notes.md'), 'not for Apps Script\n');
    await writeFile(join(dist, 'extra', 'Stray.js'), 'function b() {}\n');
    const status = await claspStatus(project);
    expect(status.filesToPush).toEqual(['Code.js', 'appsscript.json', 'extra/Stray.js']);
    expect(status.untrackedFiles).toEqual(['notes.md']);
    const files = await listFiles(dist);
    expect(pushProblems(status, files)).toEqual(['dist/notes.md would not be pushed']);
    expect(pushProblems(status, ['Code.js', 'appsscript.json'])).toEqual(['extra/Stray.js would be pushed but is not in dist/']);
    expect(pushProblems({ ...status, rootDir: 'src' }, files).join('\n')).toContain('rootDir');
    expect(pushProblems({ rootDir: 'dist', filesToPush: ['Code.js'], untrackedFiles: [] }, ['Code.js'])).toEqual([
      'dist/appsscript.json is missing: run npm run build',
    ]);
  });
});
