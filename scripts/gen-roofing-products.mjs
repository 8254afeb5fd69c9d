#!/usr/bin/env node
// Generates resources/sandbox/roofing-products.json: the shared roofing catalog that both the
// SRS sandbox (branch products, prices) and the Portal sandbox (SRS-supplied catalog items) use.
// Deterministic: a fixed-seed PRNG, so re-running produces the identical file.
// Usage: node scripts/gen-roofing-products.mjs [--check]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'sandbox', 'roofing-products.json');
const BRANCHES = ['BRRIV', 'AMDEN', 'HWPLY', 'DALTX'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20260511);
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pickSome = (list, min, max) => {
  const copy = [...list];
  const n = Math.min(copy.length, between(min, max));
  const out = [];
  while (out.length < n) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
};
const perCover = (units) => Number((1 / units).toFixed(6));

const SHINGLE_COLORS = {
  CertainTeed: ['Country Gray', 'Weathered Wood', 'Moire Black', 'Heather Blend', 'Burnt Sienna', 'Driftwood', 'Colonial Slate', 'Max Def Georgetown Gray'],
  GAF: ['Charcoal', 'Pewter Gray', 'Weathered Wood', 'Barkwood', 'Hickory', 'Slate', 'Shakewood', 'Oyster Gray', 'Hunter Green'],
  'Owens Corning': ['Onyx Black', 'Estate Gray', 'Driftwood', 'Teak', 'Brownwood', 'Desert Tan', 'Quarry Gray', 'Sierra Gray'],
  IKO: ['Dual Black', 'Driftwood', 'Harvard Slate', 'Weatherwood', 'Dual Brown', 'Granite Black'],
  Atlas: ['Pristine Black', 'Pristine Weathered Wood', 'Pristine Hearthstone', 'Pristine Slate'],
  Malarkey: ['Midnight Black', 'Weathered Wood', 'Storm Grey', 'Natural Wood', 'Antique Brownstone'],
  TAMKO: ['Rustic Black', 'Weathered Wood', 'Thunderstorm Grey', 'Natural Timber', 'Rustic Cedar'],
};
const SHINGLE_LINES = {
  CertainTeed: [['Landmark', 'Architectural laminated asphalt shingles'], ['Landmark Pro', 'Premium architectural laminated shingles, Max Def colors'], ['Landmark ClimateFlex', 'Impact-resistant polymer-modified architectural shingles'], ['Presidential Shake', 'Luxury triple-laminate shake-look shingles'], ['Presidential Solaris', 'Cool-roof luxury laminated shingles'], ['Highland Slate', 'Slate-look luxury shingles'], ['XT 25', '3-tab asphalt shingles'], ['NorthGate', 'Cold-climate SBS-modified shingles']],
  GAF: [['Timberline HDZ', 'Architectural laminated shingles with LayerLock nailing zone'], ['Timberline UHDZ', 'Ultra high definition dual-shadow-line shingles'], ['Timberline AS II', 'Impact-resistant SBS-modified shingles'], ['Royal Sovereign', '3-tab asphalt shingles'], ['Camelot II', 'Designer luxury shingles'], ['Grand Sequoia', 'Wood-shake-look designer shingles'], ['Slateline', 'Slate-look designer shingles']],
  'Owens Corning': [['Duration', 'Architectural shingles with SureNail technology'], ['Duration Storm', 'Class 4 impact-resistant architectural shingles'], ['Duration FLEX', 'SBS polymer-modified architectural shingles'], ['Oakridge', 'Value architectural laminated shingles'], ['Berkshire', 'Designer slate-look shingles'], ['Supreme', '3-tab asphalt shingles']],
  IKO: [['Cambridge', 'Architectural laminated shingles'], ['Dynasty', 'Performance architectural shingles with ArmourZone'], ['Nordic', 'Impact-resistant performance shingles'], ['Marathon', '3-tab asphalt shingles']],
  Atlas: [['Pinnacle Pristine', 'Architectural shingles with Scotchgard protector'], ['StormMaster Shake', 'Class 4 impact-resistant shake-look shingles'], ['StormMaster Slate', 'Class 4 impact-resistant slate-look shingles']],
  Malarkey: [['Vista', 'NEX polymer-modified architectural shingles'], ['Highlander', 'Architectural laminated shingles'], ['Legacy', 'Class 4 SBS-modified architectural shingles']],
  TAMKO: [['Heritage', 'Laminated asphalt shingles'], ['Titan XT', 'Architectural shingles with enhanced nailing zone'], ['Elite Glass-Seal', '3-tab asphalt shingles']],
};

const products = [];
function add(p) {
  products.push({
    productName: p.productName,
    productDescription: p.productDescription,
    manufacturer: p.manufacturer,
    category: p.category,
    productOptions: p.productOptions ?? ['N/A'],
    baseUom: p.baseUom,
    uomConversions: p.uomConversions ?? [],
    proposalUom: p.proposalUom ?? p.baseUom,
    listPriceCents: p.listPriceCents,
    weight: p.weight ?? 1,
    fixedId: p.fixedId,
  });
}

// Shingles: sold by the bundle, 3 bundles per square (4 for some heavy designer lines).
for (const [mfr, lines] of Object.entries(SHINGLE_LINES)) {
  for (const [line, desc] of lines) {
    const heavy = /Presidential|Camelot|Grand Sequoia|Berkshire|Highland|Slateline/.test(line);
    const threeTab = /3-tab/.test(desc);
    const bundlesPerSq = heavy ? 4 : 3;
    add({
      productName: `${mfr} ${line} Shingles`,
      productDescription: `${desc}, ${bundlesPerSq} bundles per square`,
      manufacturer: mfr,
      category: 'Shingles',
      productOptions: pickSome(SHINGLE_COLORS[mfr], 3, SHINGLE_COLORS[mfr].length),
      baseUom: 'BD',
      uomConversions: [{ uom: 'SQ', toBase: bundlesPerSq }],
      proposalUom: 'SQ',
      listPriceCents: threeTab ? between(2900, 3400) : heavy ? between(5800, 7900) : between(3700, 5200),
      weight: 3,
      fixedId: mfr === 'CertainTeed' && line === 'Landmark' ? 75664 : undefined,
    });
  }
}

// Hip & ridge cap: bundles, one bundle covers a stated run of ridge.
const RIDGE = [
  ['CertainTeed', 'Shadow Ridge', 30], ['CertainTeed', 'Mountain Ridge', 20], ['CertainTeed', 'Cedar Crest', 20],
  ['GAF', 'Seal-A-Ridge', 25], ['GAF', 'TimberTex', 20], ['GAF', 'Z Ridge', 33],
  ['Owens Corning', 'ProEdge', 33], ['Owens Corning', 'DecoRidge', 20], ['Owens Corning', 'Hip & Ridge Shingles', 33],
  ['IKO', 'Hip and Ridge 12', 33], ['IKO', 'UltraHP', 33], ['Atlas', 'Pro-Cut Hip & Ridge', 31], ['Malarkey', 'RidgeFlex', 33], ['TAMKO', 'Heritage Hip & Ridge', 33],
];
for (const [mfr, line, lf] of RIDGE) {
  add({
    productName: `${mfr} ${line}`,
    productDescription: `Hip and ridge cap shingles, 1 bundle covers ${lf} linear feet`,
    manufacturer: mfr, category: 'Ridge Cap',
    productOptions: pickSome(SHINGLE_COLORS[mfr], 3, 6),
    baseUom: 'BD', uomConversions: [{ uom: 'LF', toBase: perCover(lf) }], proposalUom: 'LF',
    listPriceCents: between(5400, 7600), weight: 2,
  });
}

// Starter strip: bundles, one bundle covers a stated run of eave/rake.
const STARTER = [['GAF', 'Pro-Start Starter Strip', 120], ['GAF', 'WeatherBlocker Starter', 195], ['CertainTeed', 'SwiftStart Starter', 116], ['CertainTeed', 'High-Performance Starter', 100], ['Owens Corning', 'Starter Strip Plus', 105], ['IKO', 'Leading Edge Plus Starter', 123], ['Atlas', 'Pro-Cut Starter', 140], ['Malarkey', 'Smart Start Starter', 110], ['TAMKO', 'Shingle Starter', 105]];
for (const [mfr, line, lf] of STARTER) {
  add({
    productName: `${mfr} ${line}`,
    productDescription: `Pre-cut starter shingles with sealant strip, 1 bundle covers ${lf} linear feet`,
    manufacturer: mfr, category: 'Starter',
    baseUom: 'BD', uomConversions: [{ uom: 'LF', toBase: perCover(lf) }], proposalUom: 'LF',
    listPriceCents: between(3900, 5600), weight: 2,
  });
}

// Synthetic underlayment and felt: rolls of 10 squares (felt #30 is 2 squares).
const UNDER = [
  ['GAF', 'FeltBuster Synthetic Underlayment', 10], ['GAF', 'Tiger Paw Premium Underlayment', 10], ['GAF', 'Deck-Armor Breathable Underlayment', 10],
  ['CertainTeed', 'DiamondDeck Synthetic Underlayment', 10], ['CertainTeed', 'RoofRunner Synthetic Underlayment', 10],
  ['Owens Corning', 'ProArmor Synthetic Underlayment', 10], ['Owens Corning', 'Deck Defense Underlayment', 10], ['Owens Corning', 'RhinoRoof U20 Underlayment', 10],
  ['IKO', 'Stormtite Synthetic Underlayment', 10], ['IKO', 'RoofGard-SB Underlayment', 10], ['Atlas', 'Summit 60 Synthetic Underlayment', 10], ['Atlas', 'Summit 180 Synthetic Underlayment', 20],
  ['Malarkey', 'Secure Start HT Underlayment', 10], ['TAMKO', 'Synthetic Guard Plus Underlayment', 10], ['Titanium', 'UDL 30 Synthetic Underlayment', 10], ['Titanium', 'UDL 50 Synthetic Underlayment', 10],
  ['Grace', 'Tri-Flex Xtreme Underlayment', 10], ['Generic', '#15 Asphalt Saturated Felt', 4], ['Generic', '#30 Asphalt Saturated Felt', 2],
];
for (const [mfr, line, sq] of UNDER) {
  add({
    productName: `${mfr} ${line}`,
    productDescription: `Roof underlayment, 1 roll covers ${sq} squares`,
    manufacturer: mfr, category: 'Underlayment',
    baseUom: 'RL', uomConversions: [{ uom: 'SQ', toBase: perCover(sq) }], proposalUom: rand() < 0.5 ? 'RL' : 'SQ',
    listPriceCents: sq <= 4 ? between(2200, 3200) : between(7900, 16900), weight: 2,
  });
}

// Ice & water shield: rolls of 2 squares (200 sq ft).
const ICE = [['GAF', 'WeatherWatch Ice & Water Shield'], ['GAF', 'StormGuard Film-Surfaced Leak Barrier'], ['CertainTeed', 'WinterGuard Granular Ice & Water'], ['CertainTeed', 'WinterGuard HT'], ['Grace', 'Ice & Water Shield'], ['Grace', 'Ice & Water Shield HT'], ['Owens Corning', 'WeatherLock G'], ['Owens Corning', 'WeatherLock Flex'], ['IKO', 'StormShield Ice & Water'], ['Atlas', 'WeatherMaster Ice & Water 200'], ['Polyglass', 'Polystick IR-Xe'], ['Malarkey', '300 Arctic Seal']];
for (const [mfr, line] of ICE) {
  add({
    productName: `${mfr} ${line}`,
    productDescription: 'Self-adhered ice and water barrier, 1 roll covers 2 squares',
    manufacturer: mfr, category: 'Ice & Water',
    baseUom: 'RL', uomConversions: [{ uom: 'SQ', toBase: 0.5 }], proposalUom: 'RL',
    listPriceCents: between(8400, 15900), weight: 2,
  });
}

// Drip edge: 10 ft pieces, proposals count linear feet.
const METAL_COLORS = ['White', 'Brown', 'Black', 'Bronze', 'Almond', 'Gray', 'Terratone', 'Mill'];
for (const style of ['D-Style', 'F-Style', 'T-Style', 'L-Style']) {
  for (const [material, mfr, lo, hi] of [['Aluminum', 'Amerimax', 650, 950], ['Galvanized Steel', 'Marco', 750, 1150], ['Copper', 'Berger', 4200, 5900]]) {
    for (const size of material === 'Copper' ? ['2 x 2'] : ['2 x 2', '1.5 x 1.5', '3 x 2']) {
      add({
        productName: `${mfr} ${size} ${material} ${style} Drip Edge 10'`,
        productDescription: `${style} drip edge, ${material.toLowerCase()}, 10 ft piece`,
        manufacturer: mfr, category: 'Drip Edge',
        productOptions: material === 'Copper' ? ['N/A'] : pickSome(METAL_COLORS, 3, 6),
        baseUom: 'PC', uomConversions: [{ uom: 'LF', toBase: 0.1 }], proposalUom: 'LF',
        listPriceCents: between(lo, hi), weight: style === 'D-Style' ? 3 : 1,
      });
    }
  }
}

// Flashing: step flashing boxes, valley and coil rolls, counter flashing pieces.
for (const size of ['4 x 4 x 8', '4 x 5 x 7', '5 x 5 x 7', '4 x 4 x 12']) {
  for (const [material, mfr] of [['Aluminum', 'Amerimax'], ['Galvanized', 'Marco']]) {
    add({
      productName: `${mfr} ${size} ${material} Step Flashing`,
      productDescription: `Pre-bent step flashing, ${material.toLowerCase()}, box of 100`,
      manufacturer: mfr, category: 'Flashing',
      productOptions: material === 'Aluminum' ? ['Mill', 'Brown', 'Black'] : ['N/A'],
      baseUom: 'BX', proposalUom: 'BX', listPriceCents: between(3800, 6900),
    });
  }
}
for (const width of ['14"', '16"', '20"', '24"']) {
  for (const [material, mfr] of [['Aluminum', 'Amerimax'], ['Galvanized', 'Marco'], ['Copper', 'Berger']]) {
    add({
      productName: `${mfr} ${width} x 50' ${material} Valley Flashing Roll`,
      productDescription: `${material} roll valley flashing, 50 ft roll`,
      manufacturer: mfr, category: 'Flashing',
      productOptions: material === 'Aluminum' ? ['Mill', 'Brown', 'Black', 'White'] : ['N/A'],
      baseUom: 'RL', uomConversions: [{ uom: 'LF', toBase: 0.02 }], proposalUom: rand() < 0.5 ? 'RL' : 'LF',
      listPriceCents: material === 'Copper' ? between(38000, 62000) : between(4500, 11800),
    });
  }
}
for (const width of ['24"', '48"']) {
  for (const gauge of ['.019', '.024', '.027', '.032']) {
    add({
      productName: `Quality Aluminum ${width} ${gauge} Trim Coil 50'`,
      productDescription: `Painted aluminum trim coil, ${gauge} gauge, 50 ft roll`,
      manufacturer: 'Quality Aluminum', category: 'Flashing',
      productOptions: pickSome(METAL_COLORS.slice(0, 7), 3, 7),
      baseUom: 'RL', proposalUom: 'RL', listPriceCents: between(9500, 24500),
    });
  }
}
for (const kind of ['Counter Flashing 10\'', 'Reglet Flashing 10\'', 'Chimney Cricket Kit', 'Kick-Out Diverter', 'Headwall Flashing 10\'', 'Gravel Stop 10\'']) {
  for (const mfr of ['Amerimax', 'Marco']) {
    const tenFoot = kind.endsWith("10'");
    add({
      productName: `${mfr} ${kind}`,
      productDescription: tenFoot ? `Pre-formed ${kind.replace(" 10'", '').toLowerCase()}, 10 ft piece` : `Pre-formed ${kind.toLowerCase()}`,
      manufacturer: mfr, category: 'Flashing',
      productOptions: pickSome(METAL_COLORS, 2, 4),
      baseUom: tenFoot ? 'PC' : 'EA', uomConversions: tenFoot ? [{ uom: 'LF', toBase: 0.1 }] : [],
      proposalUom: tenFoot ? 'LF' : 'EA', listPriceCents: tenFoot ? between(900, 2400) : between(1200, 7800),
    });
  }
}

// Nails and fasteners: boxes.
for (const len of ['1"', '1-1/4"', '1-1/2"', '1-3/4"', '2"']) {
  for (const [finish, mfr, lo, hi] of [['Electro-Galvanized', 'Grip-Rite', 3900, 5200], ['Hot-Dip Galvanized', 'Maze Nails', 6200, 8900], ['Stainless Steel', 'Simpson Strong-Tie', 16500, 24500]]) {
    add({
      productName: `${mfr} ${len} ${finish} Coil Roofing Nails`,
      productDescription: `15-degree wire-collated coil roofing nails, ${finish.toLowerCase()}, 7,200 per box`,
      manufacturer: mfr, category: 'Nails',
      baseUom: 'BX', proposalUom: 'BX', listPriceCents: between(lo, hi), weight: len === '1-1/4"' ? 3 : 1,
    });
  }
}
for (const [name, desc, lo, hi] of [
  ['Grip-Rite 1" Plastic Cap Nails', 'Plastic cap nails for underlayment, 2,000 per box', 2200, 3200],
  ['Grip-Rite 1-1/4" Plastic Cap Nails', 'Plastic cap nails for underlayment, 2,000 per box', 2400, 3400],
  ['Stinger 1" Cap Staples', 'Cap staples for synthetic underlayment, 2,000 per box', 3100, 4200],
  ['Stinger 1-1/4" Cap Nails', 'Collated cap nails, 2,000 per box', 3600, 4800],
  ['Grip-Rite 1-1/2" Galvanized Roofing Nails 50 lb', 'Hand-drive galvanized roofing nails, 50 lb box', 9800, 12800],
  ['Grip-Rite 8d Ring Shank Sheathing Nails', 'Coil sheathing nails for roof decking, 3,600 per box', 5400, 6900],
  ['Simpson Strong-Tie #9 x 1-1/2" Metal Roofing Screws', 'Self-drilling metal roofing screws with washer, 250 per box', 2900, 4100],
  ['Ace 3" Insulation Plates', 'Galvalume insulation plates, 1,000 per box', 8900, 11900],
]) {
  add({ productName: name, productDescription: desc, manufacturer: name.split(' ')[0], category: 'Nails', baseUom: 'BX', proposalUom: 'BX', listPriceCents: between(lo, hi) });
}

// Vents.
for (const [mfr, line] of [['GAF', 'Cobra Rigid Vent 3'], ['GAF', 'Cobra Snow Country'], ['Air Vent', 'ShingleVent II'], ['Air Vent', 'Filtered Ridge Vent'], ['Owens Corning', 'VentSure 4 ft Rigid Roll Ridge Vent'], ['Lomanco', 'OmniRidge Ridge Vent'], ['CertainTeed', 'Air Vent Ridge Vent']]) {
  add({
    productName: `${mfr} ${line}`,
    productDescription: 'Shingle-over ridge vent, 4 ft piece',
    manufacturer: mfr, category: 'Vents',
    productOptions: ['Black', 'Brown'],
    baseUom: 'PC', uomConversions: [{ uom: 'LF', toBase: 0.25 }], proposalUom: 'LF', listPriceCents: between(1100, 2100), weight: 2,
  });
}
for (const [mfr, kind, lo, hi] of [
  ['Lomanco', '750 Slant Back Roof Louver', 1400, 2200], ['Lomanco', '12" Whirlybird Turbine Vent', 3900, 5900], ['Lomanco', '14" Whirlybird Turbine Vent', 4900, 6900],
  ['Air Vent', 'RVG 301 Roof Louver', 1200, 1900], ['Air Vent', 'Power Attic Ventilator', 11900, 18900], ['Air Vent', 'Solar Attic Fan', 29900, 44900],
  ['GAF', 'Master Flow 8" Roof Louver', 1500, 2400], ['GAF', 'Master Flow Solar Attic Fan', 32900, 46900], ['Lomanco', 'Deckair Intake Vent 4 ft', 1900, 2900],
  ['Air Vent', 'Edge Vent 4 ft', 2100, 3100], ['Broan', '4" Roof Cap Exhaust Vent', 2400, 3600], ['Broan', '7" Roof Cap Exhaust Vent', 3400, 4900],
]) {
  add({ productName: `${mfr} ${kind}`, productDescription: `${kind}, each`, manufacturer: mfr, category: 'Vents', productOptions: pickSome(['Black', 'Brown', 'Weatherwood', 'Mill', 'White'], 1, 3), baseUom: 'EA', proposalUom: 'EA', listPriceCents: between(lo, hi) });
}
for (const size of ['1-1/2"', '2"', '3"', '4"']) {
  for (const [mfr, kind, lo, hi] of [['Oatey', 'No-Calk Pipe Flashing', 1100, 1900], ['Oatey', 'Thermoplastic Pipe Boot', 700, 1300], ['Lifetime Tool', 'Lead-Free Pipe Boot', 1600, 2600], ['Perma-Boot', 'Pipe Boot Repair Sleeve', 1300, 2100]]) {
    add({ productName: `${mfr} ${size} ${kind}`, productDescription: `Roof pipe flashing for ${size} vent pipe`, manufacturer: mfr, category: 'Vents', baseUom: 'EA', proposalUom: 'EA', listPriceCents: between(lo, hi), weight: size === '3"' ? 2 : 1 });
  }
}

// Sealants and roof cement.
for (const [mfr, kind, uom, lo, hi, options] of [
  ['Geocel', '2300 Construction Tripolymer Sealant 10 oz', 'TB', 800, 1200, ['Clear', 'White', 'Bronze', 'Black']],
  ['Geocel', 'Pro Flex RV Sealant 10 oz', 'TB', 900, 1300, ['White', 'Clear']],
  ['Sika', 'Sikaflex-1a Polyurethane Sealant 10 oz', 'TB', 1100, 1500, ['Limestone', 'White', 'Black']],
  ['BASF', 'NP1 Polyurethane Sealant 10 oz', 'TB', 1000, 1400, ['White', 'Black', 'Stone']],
  ['Henry', '208 Wet Patch Roof Cement 10 oz', 'TB', 500, 800, ['N/A']],
  ['GAF', 'Matrix 302 Roof Cement 10 oz', 'TB', 500, 800, ['N/A']],
  ['Through The Roof', 'Clear Roofing Sealant 10 oz', 'TB', 1100, 1600, ['Clear']],
  ['DAP', 'Butyl Flex Roof Sealant 10 oz', 'TB', 600, 900, ['Clear', 'Gray']],
  ['Henry', '208 Wet Patch Roof Cement 3.5 gal', 'PL', 4400, 5900, ['N/A']],
  ['GAF', 'Matrix 201 Plastic Roof Cement 3 gal', 'PL', 3600, 4900, ['N/A']],
  ['Henry', '107 Asphalt Emulsion 5 gal', 'PL', 5400, 6900, ['N/A']],
  ['Gardner', 'Wet-R-Dri Roof Cement 1 gal', 'GA', 1400, 2100, ['N/A']],
  ['Henry', '887 Tropi-Cool Silicone Roof Coating 1 gal', 'GA', 4400, 5900, ['White']],
  ['GAF', 'Unisil Silicone Roof Coating 5 gal', 'PL', 21900, 29900, ['White', 'Gray']],
]) {
  add({ productName: `${mfr} ${kind}`, productDescription: `${kind}`, manufacturer: mfr, category: 'Sealant', productOptions: options, baseUom: uom, proposalUom: uom, listPriceCents: between(lo, hi), weight: uom === 'TB' ? 2 : 1 });
}

// Paint: spray cans and touch-up.
for (const color of ['Black', 'Brown', 'Weathered Wood', 'Charcoal', 'Bronze', 'White']) {
  add({ productName: `Rust-Oleum Roof Accessory Paint ${color} 12 oz`, productDescription: 'Aerosol touch-up paint for vents and flashing, 12 oz can', manufacturer: 'Rust-Oleum', category: 'Paint', baseUom: 'EA', proposalUom: 'EA', listPriceCents: between(900, 1400) });
}
for (const [kind, uom, lo, hi] of [['Sherwin-Williams Metal Roof Paint 1 gal', 'GA', 5400, 7900], ['Sherwin-Williams Metal Roof Paint 5 gal', 'PL', 23900, 31900], ['Rust-Oleum Professional Enamel 1 gal', 'GA', 3900, 5400]]) {
  add({ productName: kind, productDescription: kind, manufacturer: kind.split(' ')[0], category: 'Paint', productOptions: ['Black', 'Brown', 'Gray', 'White'], baseUom: uom, proposalUom: uom, listPriceCents: between(lo, hi) });
}

// Decking: sheets.
for (const [kind, lo, hi] of [['7/16" OSB Sheathing 4 x 8', 1400, 2100], ['15/32" OSB Sheathing 4 x 8', 1700, 2400], ['19/32" OSB Sheathing 4 x 8', 2300, 3100], ['1/2" CDX Plywood 4 x 8', 3200, 4200], ['5/8" CDX Plywood 4 x 8', 3900, 5200], ['3/4" CDX Plywood 4 x 8', 4800, 6400], ['7/16" ZIP System Roof Sheathing 4 x 8', 3300, 4400], ['5/8" ZIP System Roof Sheathing 4 x 8', 4700, 5900], ['1/2" Plytanium Plywood 4 x 8', 3400, 4400], ['7/16" LP TechShield Radiant Barrier OSB 4 x 8', 2300, 3100]]) {
  const mfr = kind.includes('ZIP') ? 'Huber' : kind.includes('Plytanium') ? 'Georgia-Pacific' : kind.includes('LP') ? 'LP Building Solutions' : 'Weyerhaeuser';
  add({ productName: `${mfr} ${kind}`, productDescription: `Roof decking panel, ${kind}`, manufacturer: mfr, category: 'Decking', baseUom: 'SHT', proposalUom: 'SHT', listPriceCents: between(lo, hi), weight: 2 });
}

// Gutters and downspouts.
for (const size of ['5"', '6"']) {
  for (const [material, mfr, lo, hi] of [['Aluminum', 'Amerimax', 1200, 2100], ['Galvanized Steel', 'Amerimax', 1500, 2400], ['Copper', 'Berger', 9900, 14900]]) {
    add({ productName: `${mfr} ${size} ${material} K-Style Gutter 10'`, productDescription: `${size} K-style gutter, ${material.toLowerCase()}, 10 ft piece`, manufacturer: mfr, category: 'Gutters', productOptions: material === 'Copper' ? ['N/A'] : ['White', 'Brown', 'Black', 'Almond'], baseUom: 'PC', uomConversions: [{ uom: 'LF', toBase: 0.1 }], proposalUom: 'LF', listPriceCents: between(lo, hi) });
    for (const [part, uom, plo, phi] of [['End Cap', 'EA', 300, 700], ['Outside Miter', 'EA', 1400, 2400], ['Inside Miter', 'EA', 1400, 2400], ['Drop Outlet', 'EA', 900, 1600], ['Hidden Hangers (box of 25)', 'BX', 2400, 3900]]) {
      add({ productName: `${mfr} ${size} ${material} Gutter ${part}`, productDescription: `${size} K-style gutter ${part.toLowerCase()}`, manufacturer: mfr, category: 'Gutters', productOptions: material === 'Copper' ? ['N/A'] : ['White', 'Brown'], baseUom: uom, proposalUom: uom, listPriceCents: material === 'Copper' ? plo * 5 : between(plo, phi) });
    }
  }
}
for (const size of ['2 x 3', '3 x 4']) {
  add({ productName: `Amerimax ${size} Aluminum Downspout 10'`, productDescription: `${size} rectangular aluminum downspout, 10 ft piece`, manufacturer: 'Amerimax', category: 'Gutters', productOptions: ['White', 'Brown', 'Black'], baseUom: 'PC', uomConversions: [{ uom: 'LF', toBase: 0.1 }], proposalUom: 'LF', listPriceCents: between(1100, 1900) });
  for (const part of ['A Elbow', 'B Elbow', 'Downspout Bands (box of 10)']) {
    const box = part.includes('box');
    add({ productName: `Amerimax ${size} Aluminum ${part}`, productDescription: `${size} downspout ${part.toLowerCase()}`, manufacturer: 'Amerimax', category: 'Gutters', productOptions: ['White', 'Brown'], baseUom: box ? 'BX' : 'EA', proposalUom: box ? 'BX' : 'EA', listPriceCents: between(400, 1900) });
  }
}

// Accessories: skylights, snow guards, safety, tarps, insulation.
for (const [name, desc, uom, lo, hi, mfr] of [
  ['Velux FS C01 Fixed Deck-Mount Skylight 21 x 27', 'Fixed deck-mounted skylight', 'EA', 24900, 32900, 'Velux'],
  ['Velux FS M04 Fixed Deck-Mount Skylight 30 x 46', 'Fixed deck-mounted skylight', 'EA', 37900, 47900, 'Velux'],
  ['Velux VS C04 Manual Venting Skylight 21 x 46', 'Manual venting deck-mounted skylight', 'EA', 52900, 66900, 'Velux'],
  ['Velux EDL Flashing Kit C01', 'Step flashing kit for deck-mount skylight', 'EA', 8900, 12900, 'Velux'],
  ['Velux 10" Sun Tunnel Rigid', 'Tubular skylight with rigid tunnel', 'EA', 29900, 38900, 'Velux'],
  ['Berger Copper Snow Guard', 'Pad-style snow guard', 'EA', 1900, 2900, 'Berger'],
  ['Rocky Mountain Snow Guards Polycarbonate Snow Guard', 'Clear polycarbonate snow guard', 'EA', 400, 900, 'Rocky Mountain'],
  ['Qualcraft Roof Bracket 2 x 6', 'Adjustable steel roof jack bracket', 'EA', 900, 1600, 'Qualcraft'],
  ['Werner Roofing Safety Harness Kit', 'Fall protection kit with harness, lanyard and anchor', 'EA', 18900, 26900, 'Werner'],
  ['Guardian Reusable Roof Anchor', 'Reusable hinged roof anchor', 'EA', 3900, 5900, 'Guardian'],
  ['Blue Poly Tarp 20 x 30', 'Heavy-duty poly tarp', 'EA', 3400, 4900, 'Generic'],
  ['Johns Manville 4 x 8 1.5" Polyiso Insulation Board', 'Polyisocyanurate roof insulation board', 'SHT', 3900, 5400, 'Johns Manville'],
  ['Owens Corning R-30 Attic Batt Insulation', 'Unfaced fiberglass batts, bag', 'BG', 5400, 6900, 'Owens Corning'],
  ['Owens Corning AttiCat Blown-In Insulation', 'Expanding blown-in fiberglass insulation, bag', 'BG', 4400, 5600, 'Owens Corning'],
  ['Roof Top Ladder Hook', 'Steel ladder hook for roof ridge', 'EA', 2900, 4400, 'Generic'],
  ['Tapco Roofing Utility Knife Blades (box of 100)', 'Hook blades for cutting shingles', 'BX', 2400, 3600, 'Tapco'],
  ['DiversiTech Dryer Vent Roof Cap', 'Roof cap for dryer exhaust', 'EA', 2400, 3400, 'DiversiTech'],
  ['Quikrete Roof Patch Granules 50 lb', 'Matching shingle granules for repair', 'BG', 2900, 4200, 'Quikrete'],
]) {
  add({ productName: name, productDescription: desc, manufacturer: mfr, category: 'Accessories', baseUom: uom, proposalUom: uom, listPriceCents: between(lo, hi) });
}

// Low-slope: modified bitumen and TPO rolls.
for (const [name, sq, lo, hi, mfr] of [
  ['GAF Liberty SBS Self-Adhering Base/Ply Sheet', 2, 8900, 11900, 'GAF'], ['GAF Liberty SBS Self-Adhering Cap Sheet', 1, 9900, 12900, 'GAF'], ['GAF Ruberoid 20 Smooth SBS', 2, 8400, 10900, 'GAF'],
  ['CertainTeed Flintlastic SA Cap', 1, 9900, 12900, 'CertainTeed'], ['CertainTeed Flintlastic SA Base', 2, 8400, 10400, 'CertainTeed'], ['CertainTeed Flintlastic SA Mid Ply', 2, 8900, 11400, 'CertainTeed'],
  ['Polyglass Elastoflex SA V Base', 2, 7900, 9900, 'Polyglass'], ['Polyglass Polyflex SA P Cap', 1, 9400, 12400, 'Polyglass'],
  ['GAF EverGuard TPO 60 mil 10 x 100', 10, 62900, 78900, 'GAF'], ['Carlisle Sure-Weld TPO 60 mil 10 x 100', 10, 64900, 79900, 'Carlisle'], ['Firestone RubberGard EPDM 60 mil 10 x 50', 5, 38900, 49900, 'Firestone'],
]) {
  add({ productName: name, productDescription: `Low-slope roofing membrane, 1 roll covers ${sq} square${sq > 1 ? 's' : ''}`, manufacturer: mfr, category: 'Low Slope', productOptions: /Cap/.test(name) ? ['White', 'Black', 'Weathered Wood'] : ['N/A'], baseUom: 'RL', uomConversions: [{ uom: 'SQ', toBase: perCover(sq) }], proposalUom: 'RL', listPriceCents: between(lo, hi) });
}

// Product ids: a fixed one where the SRS examples name it, otherwise ascending with gaps.
const taken = new Set(products.map((p) => p.fixedId).filter(Boolean));
taken.add(77673); // the published example's "Ace Insulation Plates"
let nextId = 70100;
for (const p of products) {
  if (p.fixedId) { p.productId = p.fixedId; continue; }
  if (p.productName.startsWith('Ace 3" Insulation Plates')) { p.productId = 77673; continue; }
  do { nextId += between(3, 29); } while (taken.has(nextId));
  p.productId = nextId;
  taken.add(nextId);
}

// Branches: each branch carries a different assortment; popular items (weight) are almost everywhere.
const BRANCH_BIAS = {
  BRRIV: { CertainTeed: 0.95, GAF: 0.9, 'Owens Corning': 0.5, IKO: 0.3, Atlas: 0.4, Malarkey: 0.2, TAMKO: 0.6 },
  AMDEN: { CertainTeed: 0.7, GAF: 0.6, 'Owens Corning': 0.95, IKO: 0.5, Atlas: 0.3, Malarkey: 0.9, TAMKO: 0.3 },
  HWPLY: { CertainTeed: 0.8, GAF: 0.95, 'Owens Corning': 0.6, IKO: 0.8, Atlas: 0.5, Malarkey: 0.2, TAMKO: 0.4 },
  DALTX: { CertainTeed: 0.6, GAF: 0.9, 'Owens Corning': 0.9, IKO: 0.4, Atlas: 0.9, Malarkey: 0.3, TAMKO: 0.9 },
};
const CATEGORY_SKIP = { DALTX: ['Ice & Water'], AMDEN: [], HWPLY: ['Low Slope'], BRRIV: [] };
for (const p of products) {
  const branches = BRANCHES.filter((b) => {
    if (CATEGORY_SKIP[b].includes(p.category) && p.weight < 2) return false;
    const base = BRANCH_BIAS[b][p.manufacturer] ?? 0.65;
    const chance = Math.min(0.97, base + (p.weight - 1) * 0.2);
    return rand() < chance;
  });
  p.branches = branches.length > 0 ? branches : [BRANCHES[between(0, 3)]];
}
const byId = new Map(products.map((p) => [p.productId, p]));
const landmark = byId.get(75664);
landmark.branches = [...BRANCHES];
landmark.productOptions = ['Country Gray', 'Weathered Wood', 'Moire Black', 'Heather Blend', 'Driftwood'];
byId.get(77673).branches = ['BRRIV', 'AMDEN', 'HWPLY'];

// Special cases the tests and demos rely on: call-for-price and out-of-stock with substitutes.
const zeroPriceNames = [/^Velux VS C04/, /^Berger 24" x 50' Copper Valley/, /^GAF Slateline/, /^Carlisle Sure-Weld TPO/, /^Sherwin-Williams Metal Roof Paint 5 gal/, /^Johns Manville/];
for (const re of zeroPriceNames) {
  const p = products.find((x) => re.test(x.productName));
  if (!p) throw new Error(`zero-price product not found: ${re}`);
  p.zeroPrice = true;
}
// Out of stock at a branch, with substitutes of the same category stocked (and in stock) there.
const outOfStock = [
  [/^GAF Timberline HDZ Shingles/, ['BRRIV', 'DALTX']],
  [/^Owens Corning Duration Shingles/, ['AMDEN']],
  [/^GAF FeltBuster/, ['HWPLY']],
  [/^Grace Ice & Water Shield$/, ['BRRIV']],
  [/^Amerimax 2 x 2 Aluminum D-Style Drip Edge/, ['DALTX']],
  [/^Grip-Rite 1-1\/4" Electro-Galvanized Coil Roofing Nails/, ['AMDEN', 'HWPLY']],
  [/^Air Vent ShingleVent II/, ['BRRIV']],
  [/^Weyerhaeuser 7\/16" OSB/, ['HWPLY']],
  [/^Oatey 3" No-Calk Pipe Flashing/, ['DALTX']],
];
const oosIds = new Set();
for (const [re, branches] of outOfStock) {
  const p = products.find((x) => re.test(x.productName));
  if (!p) throw new Error(`out-of-stock product not found: ${re}`);
  for (const b of branches) if (!p.branches.includes(b)) p.branches.push(b);
  p.branches = BRANCHES.filter((b) => p.branches.includes(b));
  p.outOfStockAt = branches;
  oosIds.add(p.productId);
}
for (const p of products) {
  if (!p.outOfStockAt) continue;
  const candidates = products.filter((q) => q.productId !== p.productId && !oosIds.has(q.productId) && !q.zeroPrice
    && q.category === p.category && q.baseUom === p.baseUom);
  const subs = candidates.filter((q) => p.outOfStockAt.every((b) => q.branches.includes(b)))
    .sort((a, b) => Number(b.manufacturer === p.manufacturer) - Number(a.manufacturer === p.manufacturer) || a.productId - b.productId)
    .slice(0, 2);
  if (subs.length === 0) {
    const q = candidates[0];
    for (const b of p.outOfStockAt) if (!q.branches.includes(b)) q.branches.push(b);
    q.branches = BRANCHES.filter((b) => q.branches.includes(b));
    subs.push(q);
  }
  p.substitutes = subs.map((q) => q.productId);
}

const out = products
  .sort((a, b) => a.productId - b.productId)
  .map(({ weight: _w, fixedId: _f, ...p }) => {
    const row = {
      productId: p.productId, productName: p.productName, productDescription: p.productDescription,
      manufacturer: p.manufacturer, category: p.category, productOptions: p.productOptions,
      baseUom: p.baseUom, uomConversions: p.uomConversions, proposalUom: p.proposalUom,
      listPriceCents: p.listPriceCents, branches: p.branches,
    };
    if (p.zeroPrice) row.zeroPrice = true;
    if (p.outOfStockAt) { row.outOfStockAt = p.outOfStockAt; row.substitutes = p.substitutes; }
    return row;
  });

// Sanity checks so a bad edit fails here rather than in a sandbox.
const ids = new Set(out.map((p) => p.productId));
if (ids.size !== out.length) throw new Error('duplicate productId');
if (out.length < 300) throw new Error(`only ${out.length} products; need at least 300`);
for (const p of out) {
  if (p.proposalUom !== p.baseUom && !p.uomConversions.some((c) => c.uom === p.proposalUom)) throw new Error(`no conversion to proposalUom for ${p.productId}`);
  for (const s of p.substitutes ?? []) if (!ids.has(s)) throw new Error(`unknown substitute ${s}`);
}

const text = JSON.stringify(out, null, 1) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== text) { console.error('roofing-products.json is out of date; run node scripts/gen-roofing-products.mjs'); process.exit(1); }
  console.log(`roofing-products.json up to date (${out.length} products)`);
} else {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
  const per = Object.fromEntries(BRANCHES.map((b) => [b, out.filter((p) => p.branches.includes(b)).length]));
  console.log(`wrote ${out.length} products to ${OUT}`, per);
}
