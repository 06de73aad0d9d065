/**
 * FastMCP releases this product knows (tags of the FastMCP repository, plus the newest known 3.x).
 * A new release is one line here; API facts after 3.0 are 3.0's unless a rule says otherwise.
 */
export const FASTMCP_RELEASES: readonly string[] = [
  '2.0.0', '2.1.0', '2.1.1', '2.1.2',
  '2.2.0', '2.2.1', '2.2.2', '2.2.3', '2.2.4', '2.2.5', '2.2.6', '2.2.7', '2.2.8', '2.2.9', '2.2.10',
  '2.3.0', '2.3.1', '2.3.2', '2.3.3', '2.3.4', '2.3.5',
  '2.4.0', '2.5.0', '2.5.1', '2.5.2', '2.6.0', '2.6.1', '2.7.0', '2.7.1', '2.8.0', '2.8.1',
  '2.9.0', '2.9.1', '2.9.2',
  '2.10.0', '2.10.1', '2.10.2', '2.10.3', '2.10.4', '2.10.5', '2.10.6',
  '2.11.0', '2.11.1', '2.11.2', '2.11.3',
  '2.12.0', '2.12.1', '2.12.2', '2.12.3', '2.12.4', '2.12.5',
  '2.13.0', '2.13.1', '2.13.2', '2.13.3',
  '2.14.0', '2.14.1', '2.14.2', '2.14.3', '2.14.4', '2.14.5',
  '3.0.0', '3.4.5',
];

export const NEWEST_KNOWN = FASTMCP_RELEASES[FASTMCP_RELEASES.length - 1];
export const OLDEST_SUPPORTED = '2.0.0';
