// How an SDK's rooms are written, which decides the Extractor path that reads them. Its own module, at
// the bottom: the SDK registry names each SDK's flavour and the Extractor reads it, without either
// importing the other.

/** How rooms are written: Web SDK v5 config objects, v4 clients, native enterRoom(params, scene), or a kit. */
export type Flavor = 'web-v5' | 'web-v4' | 'native' | 'kit' | 'miniprogram';
