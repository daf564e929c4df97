import { PGlite } from '@electric-sql/pglite';
let t=Date.now(); const p = await PGlite.create(); console.log('create', Date.now()-t);
t=Date.now(); await p.query('select 1'); console.log('q', Date.now()-t);
t=Date.now(); const p2 = await PGlite.create(); console.log('create2', Date.now()-t);
t=Date.now(); const d = await p.dumpDataDir('none'); console.log('dump', Date.now()-t, d.size);
t=Date.now(); const p3 = await PGlite.create({loadDataDir: d}); console.log('load', Date.now()-t);
