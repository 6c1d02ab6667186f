// A web-test-runner command that returns Chromium's accessibility tree of the test page, read
// through the DevTools protocol: the tree screen readers get, not a JavaScript approximation.
// (`a11ySnapshot` of @web/test-runner-commands relies on an API that Playwright removed.)
export function axTreePlugin() {
  return {
    name: 'ax-tree',
    async executeCommand({ command, session }) {
      if (command !== 'ax-tree') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const byDomNode = new Map(nodes.map((node) => [node.backendDOMNodeId, node]));
        const nameOf = (domNodeId) => byDomNode.get(domNodeId)?.name?.value ?? '';
        return nodes
          .filter((node) => !node.ignored)
          .map((node) => {
            const properties = Object.fromEntries(
              (node.properties ?? []).map((property) => [
                property.name,
                property.value.relatedNodes
                  ? property.value.relatedNodes.map(
                      (related) =>
                        nameOf(related.backendDOMNodeId) || related.text || related.idref || '',
                    )
                  : property.value.value,
              ]),
            );
            return {
              role: node.role?.value ?? '',
              name: node.name?.value ?? '',
              description: node.description?.value ?? '',
              properties,
            };
          });
      } finally {
        await cdp.detach();
      }
    },
  };
}
