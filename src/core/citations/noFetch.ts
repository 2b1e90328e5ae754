// Stands in for node-fetch and sync-fetch (citation-js's URL fetching) in the extension build: Paperscope never fetches.

function noFetch(): never {
  throw new Error('Paperscope does not fetch anything from the network.');
}

/** citation-js only checks `instanceof Headers` on responses, which never come. */
class NoHeaders {}
noFetch.Headers = NoHeaders;

export { NoHeaders as Headers };
export default noFetch;
