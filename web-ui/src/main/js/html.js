import { h } from 'preact';
import htm from 'htm';

/** Preact's h through tagged templates, so the source runs as it is written: no JSX step. */
export const html = htm.bind(h);
