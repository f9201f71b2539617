import { IDE_ASSETS_PATH } from './graphql-ide.assets';

/**
 * GraphiQL, loaded from the gateway's own asset route, with how to sign in. The page names
 * where the development credentials are, never the credentials themselves.
 */
export function graphqlIdePage(graphqlPath: string): string {
  const asset = (name: string) => `${IDE_ASSETS_PATH}/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tally GraphQL IDE (development)</title>
<link rel="stylesheet" href="${asset('graphiql.css')}">
<style>
  body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: sans-serif; }
  #help { padding: 8px 16px; background: #fff8e1; border-bottom: 1px solid #e0c97f; font-size: 14px; }
  #help code { background: #fff; padding: 0 3px; }
  #graphiql { flex: 1; }
</style>
</head>
<body>
<div id="help">
  <strong>Tally GraphQL IDE — development only</strong> (off with <code>NODE_ENV=production</code>).
  Sign in by adding a header in the <em>Headers</em> tab below:
  <code>{"Authorization": "Bearer &lt;token&gt;"}</code>, where the token is the platform-admin key
  <code>TALLY_ADMIN_API_KEY</code> from the git-ignored <code>.env</code> that <code>npm start</code> wrote,
  a <code>tly_…</code> API key made with <code>createApiKey</code>, or a user JWT signed (HS256) with
  <code>TALLY_JWT_SECRET</code> from the same file. Try <code>{ health { service status } }</code> first.
</div>
<div id="graphiql">Loading…</div>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: 'headers' }),
  );
</script>
</body>
</html>
`;
}
