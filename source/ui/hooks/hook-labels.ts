// The TUI reads hook labels and masked URLs from the domain, where the CLI reads them too.
export { fullMaskedUrl, isSlackLikeUrl, maskSecretUrl, shortTarget } from '../../domain/masking.js';
