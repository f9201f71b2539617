import { dirname, join } from 'node:path';

/** URL prefix of the IDE's scripts and styles, served by the gateway itself. */
export const IDE_ASSETS_PATH = '/graphql-ide';

interface IdeAsset {
  readonly file: string;
  readonly contentType: string;
}

// Browsers here reach no CDN, so every file the page loads comes out of node_modules. A fixed
// table (not a path from the URL) is what the route may serve: nothing else can be read.
const packageDir = (name: string) => dirname(require.resolve(name));
const JS = 'text/javascript; charset=utf-8';

export const IDE_ASSETS: Readonly<Record<string, IdeAsset>> = {
  'react.js': { file: join(packageDir('react'), 'umd/react.production.min.js'), contentType: JS },
  'react-dom.js': {
    file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    contentType: JS,
  },
  // graphiql's main is dist/index.js; its UMD bundle and styles sit one folder up.
  'graphiql.js': { file: join(packageDir('graphiql'), '../graphiql.min.js'), contentType: JS },
  'graphiql.css': {
    file: join(packageDir('graphiql'), '../graphiql.min.css'),
    contentType: 'text/css; charset=utf-8',
  },
};
