#!/usr/bin/env node
// Generates the Portal.io sandbox seed in resources/sandbox/portal/:
//   catalog.json   categories tree + compact catalog rows (AV/security items and the
//                  SRS-supplied roofing items built from ../roofing-products.json)
//   contacts.json  customers with locations
//   proposals.json proposal details (areas → options → items) with their change orders
// Deterministic: a fixed-seed PRNG and fixed dates, so re-running gives identical files.
// Usage: node scripts/gen-portal-seed.mjs [--check]   (--check fails when the files are stale)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'resources', 'sandbox', 'portal');
const roofing = JSON.parse(readFileSync(join(ROOT, 'resources', 'sandbox', 'roofing-products.json'), 'utf8'));

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
const rand = mulberry32(4004);
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const BASE = Date.parse('2026-10-01T12:00:00Z');
const DAY = 86_400_000;
const isoDaysBefore = (days) => new Date(BASE - days * DAY - between(0, 86_000) * 1000).toISOString().replace('.000', '');
const dollars = (cents) => Math.round(cents) / 100;

// ---------------------------------------------------------------- categories
const AV = {
  Audio: {
    'In-Ceiling Speakers': ['Sonance', 'Episode', 'Klipsch', 'Bowers & Wilkins', 'Origin Acoustics'],
    Amplifiers: ['Crown', 'Episode', 'Sonos', 'Russound', 'Parasound'],
    'AV Receivers': ['Denon', 'Marantz', 'Yamaha', 'Onkyo', 'Anthem'],
  },
  Video: {
    Televisions: ['Samsung', 'Sony', 'LG', 'TCL'],
    Projectors: ['Epson', 'Sony', 'JVC', 'BenQ'],
    'TV Mounts': ['Strong', 'Chief', 'Sanus', 'Peerless-AV'],
  },
  Networking: {
    Routers: ['Araknis', 'Ubiquiti', 'Cisco', 'Netgear'],
    Switches: ['Araknis', 'Ubiquiti', 'Luxul', 'Cisco'],
    'Wireless Access Points': ['Araknis', 'Ubiquiti', 'Ruckus', 'Access Networks'],
  },
  Security: {
    'IP Cameras': ['Luma', 'Hikvision', 'Axis', 'Hanwha'],
    'Network Video Recorders': ['Luma', 'Hikvision', 'Hanwha'],
    'Smart Locks': ['Yale', 'Schlage', 'Kwikset'],
  },
  Control: {
    Keypads: ['Control4', 'Lutron', 'Crestron'],
    Processors: ['Control4', 'Crestron', 'Savant', 'URC'],
  },
  Power: {
    'UPS Systems': ['WattBox', 'APC', 'Panamax', 'Furman'],
    'Surge Protection': ['WattBox', 'Panamax', 'Furman'],
  },
  Cabling: {
    'Bulk Wire': ['Binary', 'Belden', 'Monoprice'],
    Connectors: ['Binary', 'Platinum Tools', 'Klein Tools'],
  },
};
const AV_SUPPLIERS = ['ADI Global', 'Snap One', 'Anixter', 'AVAD', 'Crutchfield Pro'];
const WORDS = ['Pro', 'Series', 'Plus', 'Elite', 'Max', 'Studio', 'Core', 'Edge', 'Prime', 'Ultra'];
const FEATURES = {
  'In-Ceiling Speakers': ['8" two-way in-ceiling speaker', '6.5" in-ceiling speaker, pivoting tweeter', 'LCR in-ceiling speaker'],
  Amplifiers: ['8-channel power amplifier, 60 W per channel', 'Stereo amplifier, 125 W per channel', '16-channel zone amplifier'],
  'AV Receivers': ['9.2-channel AV receiver with Dolby Atmos', '7.2-channel network receiver', '11.4-channel AV receiver, 8K'],
  Televisions: ['65" 4K UHD smart TV', '75" QLED 4K TV', '85" OLED 4K TV', '55" 4K LED TV'],
  Projectors: ['4K laser projector, 3000 lumens', '1080p home theater projector', 'Short-throw 4K projector'],
  'TV Mounts': ['Full-motion TV mount 55-85"', 'Tilting TV mount 42-90"', 'Fixed low-profile TV mount'],
  Routers: ['Dual-WAN gigabit router', 'Multi-gig router with VPN', 'Remote-managed router'],
  Switches: ['24-port managed PoE+ switch', '8-port gigabit PoE switch', '48-port L2 managed switch'],
  'Wireless Access Points': ['Wi-Fi 6 dual-band access point', 'Wi-Fi 6E tri-band access point', 'Outdoor Wi-Fi access point'],
  'IP Cameras': ['4MP turret IP camera, IR 30 m', '8MP bullet camera, varifocal', '5MP dome camera, vandal resistant'],
  'Network Video Recorders': ['16-channel NVR, 4 TB', '8-channel NVR with PoE, 2 TB', '32-channel NVR, 8 TB'],
  'Smart Locks': ['Z-Wave deadbolt, satin nickel', 'Touchscreen keyless deadbolt', 'Wi-Fi smart lever lock'],
  Keypads: ['6-button keypad, white', 'Configurable keypad, black', 'Scene keypad with engraving'],
  Processors: ['Home automation controller', 'Whole-home control processor', 'Compact automation hub'],
  'UPS Systems': ['1500 VA line-interactive UPS', '2 kVA online UPS, rack mount', '750 VA compact UPS'],
  'Surge Protection': ['12-outlet power conditioner', 'Rack-mount surge protector', 'Compact 6-outlet surge protector'],
  'Bulk Wire': ['Cat6 UTP cable, 1000 ft box', '16/4 speaker wire, 500 ft', 'RG6 quad shield coax, 1000 ft'],
  Connectors: ['Cat6 RJ45 pass-through connectors, 100 pack', 'RG6 compression F connectors, 50 pack', 'Banana plugs, 10 pack'],
};

let catId = 100;
const categories = []; // wire tree
const catRows = []; // { id, name, parentId }
const leafByName = new Map();
for (const [group, leaves] of Object.entries(AV)) {
  const gid = ++catId;
  const node = { id: gid, name: group, categories: [] };
  catRows.push({ id: gid, name: group, parentId: null });
  for (const leaf of Object.keys(leaves)) {
    const lid = ++catId;
    node.categories.push({ id: lid, name: leaf, imageUrl: '', subCategories: [] });
    catRows.push({ id: lid, name: leaf, parentId: gid });
    leafByName.set(leaf, lid);
  }
  categories.push(node);
}
const roofGroup = { id: ++catId, name: 'Roofing', categories: [] };
catRows.push({ id: roofGroup.id, name: 'Roofing', parentId: null });
for (const name of [...new Set(roofing.map((p) => p.category))]) {
  const lid = ++catId;
  roofGroup.categories.push({ id: lid, name, imageUrl: '', subCategories: [] });
  catRows.push({ id: lid, name, parentId: roofGroup.id });
  leafByName.set(`Roofing/${name}`, lid);
}
categories.push(roofGroup);
const parentOf = new Map(catRows.map((c) => [c.id, c.parentId]));

// ---------------------------------------------------------------- catalog items
const items = [];
// SRS-supplied roofing items: supplierSku = productId, unit = proposalUom, cost per proposal unit.
roofing.forEach((p, i) => {
  const conv = p.uomConversions.find((c) => c.uom === p.proposalUom);
  const perUnit = p.proposalUom === p.baseUom ? 1 : conv ? conv.toBase : 1;
  const cost = Math.round(p.listPriceCents * perUnit);
  const model = p.productName.startsWith(p.manufacturer + ' ') ? p.productName.slice(p.manufacturer.length + 1) : p.productName;
  items.push({
    id: 100001 + i,
    brand: p.manufacturer,
    model,
    desc: p.productDescription,
    cat: leafByName.get(`Roofing/${p.category}`),
    sup: 'SRS Distribution',
    sku: String(p.productId),
    uom: p.proposalUom,
    cost,
    msrp: Math.round(cost * 1.6),
    sell: Math.round(cost * 1.35),
    stock: !(p.outOfStockAt && p.outOfStockAt.length === 4),
    disc: false,
    mod: isoDaysBefore(between(5, 200)),
  });
});
const AV_COUNT = 1900;
const leaves = [...Object.entries(AV)].flatMap(([, l]) => Object.entries(l));
for (let i = 0; i < AV_COUNT; i++) {
  const [leaf, brands] = leaves[i % leaves.length];
  const brand = pick(brands);
  const prefix = brand.replace(/[^A-Z]/g, '').slice(0, 3) || brand.slice(0, 3).toUpperCase();
  const model = `${prefix}-${between(100, 9999)}${pick(['', 'B', 'W', 'X', 'S'])} ${pick(WORDS)}`;
  const cost = between(900, 250000);
  const supplier = pick(AV_SUPPLIERS);
  items.push({
    id: 200001 + i,
    brand,
    model,
    desc: pick(FEATURES[leaf]),
    cat: leafByName.get(leaf),
    sup: supplier,
    sku: `${supplier.replace(/[^A-Z]/g, '')}-${between(100000, 999999)}`,
    uom: leaf === 'Bulk Wire' ? 'BX' : 'EA',
    cost,
    msrp: Math.round(cost * (1.4 + rand() * 0.6)),
    sell: Math.round(cost * (1.2 + rand() * 0.4)),
    stock: rand() > 0.12,
    disc: rand() < 0.03,
    mod: isoDaysBefore(between(5, 400)),
  });
}
const catalog = {
  categories,
  items: items.map((it) => ({ ...it, pcat: parentOf.get(it.cat) ?? null })),
};
const roofItems = (category) => items.filter((it, i) => i < roofing.length && roofing[i].category === category && it.cost > 0 && it.stock);

// ---------------------------------------------------------------- contacts
const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason', 'Harper', 'Ethan', 'Evelyn', 'Logan', 'Abigail', 'Jacob', 'Emily', 'Jackson'];
const LAST = ['Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris'];
const COMPANIES = ['Riverside Builders', 'Summit Property Group', 'Blue Oak Homes', 'Lakeview HOA', 'Granite Peak Construction', 'Maple Street Dental'];
const CITIES = [
  ['Riverside', 'CA', '92501'],
  ['Denver', 'CO', '80202'],
  ['Plymouth', 'MA', '02360'],
  ['Dallas', 'TX', '75201'],
  ['Aurora', 'CO', '80012'],
  ['Irving', 'TX', '75038'],
];
const STREETS = ['Oak St', 'Maple Ave', 'Cedar Ln', 'Pine Rd', 'Elm Dr', 'Birch Way', 'Willow Ct', 'Aspen Blvd'];
const contacts = [];
let locId = 9000;
for (let i = 0; i < 32; i++) {
  const company = i % 5 === 4 ? pick(COMPANIES) : '';
  const firstName = pick(FIRST);
  const lastName = pick(LAST);
  const locations = [];
  const n = between(1, 3);
  for (let k = 0; k < n; k++) {
    const [city, state, zip] = pick(CITIES);
    locations.push({
      id: ++locId,
      street: `${between(100, 9999)} ${pick(STREETS)}`,
      suite: k === 2 ? `Unit ${between(1, 20)}` : '',
      city,
      postalCode: zip,
      state,
      stateAbbrev: state,
      country: 'US',
      phone: `(${between(200, 989)}) 555-${String(between(0, 9999)).padStart(4, '0')}`,
      contactFirstName: firstName,
      contactLastName: lastName,
      contactPhoneNumber: '',
      contactEmail: '',
      isPrimary: k === 0,
      isBilling: k === n - 1,
    });
  }
  contacts.push({
    id: 3001 + i,
    contactType: company ? 'Business' : 'Residential',
    contactCategory: 'Client',
    firstName,
    lastName,
    companyName: company,
    contactEmail: `${firstName}.${lastName}${i}@example.com`.toLowerCase(),
    contactEmailCC: '',
    contactPhone: `(${between(200, 989)}) 555-${String(between(0, 9999)).padStart(4, '0')}`,
    notes: '',
    lastModifiedDate: isoDaysBefore(between(10, 300)),
    locations,
  });
}

// ---------------------------------------------------------------- proposals
let itemId = 1_000_000;
const DEALER = {
  companyName: 'Front Range Roofing & AV',
  location: { id: 1, street: '1200 Wazee St', suite: '', city: 'Denver', postalCode: '80202', state: 'Colorado', stateAbbrev: 'CO', country: 'US', phone: '(303) 555-0100' },
  salesperson: { email: 'sam.estimator@example.com', firstName: 'Sam', lastName: 'Estimator' },
  webSiteUrl: 'https://example.com',
  companyPhone: '(303) 555-0100',
  companyLogoUrl: '',
};

function line(type, fields, quantity, created) {
  const cost = fields.cost ?? 0;
  const sell = fields.sell ?? Math.round(cost * 1.35);
  return {
    id: ++itemId,
    parentId: fields.parentId ?? null,
    itemType: type,
    referencedItemId: fields.ref ?? null,
    createdDate: created,
    lastModifiedDate: created,
    brand: fields.brand ?? '',
    model: fields.model ?? '',
    description: fields.desc ?? '',
    name: fields.name ?? `${fields.brand ?? ''} ${fields.model ?? ''}`.trim(),
    shortDescription: fields.desc ?? '',
    clientNote: '',
    imageUrl: '',
    msrp: dollars(fields.msrp ?? Math.round(sell * 1.1)),
    sellPrice: dollars(sell),
    cost: dollars(cost),
    costUpdateDate: created,
    supplier: fields.supplier ?? '',
    quantity,
    total: { amount: dollars(Math.round(sell * quantity)), currency: { code: 'USD', symbol: '$' }, isCombinedPrice: false },
    isTaxExempt: type === 'Labor',
    isRecurringService: false,
    linkedOrders: [],
    _sell: sell,
  };
}
const part = (it, quantity, created, extra = {}) =>
  line('Part', { brand: it.brand, model: it.model, desc: it.desc, supplier: it.sup, cost: it.cost, sell: it.sell, msrp: it.msrp, ref: it.id, ...extra }, quantity, created);
const labor = (name, hours, rateCents, created) => line('Labor', { name, model: name, desc: name, cost: Math.round(rateCents * 0.6), sell: rateCents }, hours, created);
const custom = (name, cents, quantity, created, extra = {}) => line('CustomItem', { name, model: name, desc: name, cost: Math.round(cents * 0.7), sell: cents, ...extra }, quantity, created);

function roofOption(grade, created) {
  const shingles = roofItems('Shingles');
  const sh = shingles[(grade * 7) % shingles.length];
  const drip = roofItems('Drip Edge')[grade % 3];
  const under = roofItems('Underlayment')[grade % 4];
  const ice = roofItems('Ice & Water')[0];
  const nails = roofItems('Nails')[grade % 2];
  const ridge = roofItems('Ridge Cap')[grade % 3];
  const starter = roofItems('Starter')[0];
  const vent = roofItems('Vents').find((v) => v.uom === 'LF') ?? roofItems('Vents')[0];
  const sealant = roofItems('Sealant')[0];
  const out = [
    part(sh, 10, created),
    part(drip, 95, created),
    part(under, under.uom === 'SQ' ? 10 : 1, created),
    part(ice, 2, created),
    part(starter, 120, created),
    part(ridge, 40, created),
    part(nails, 3, created),
  ];
  // A kit: the ventilation package groups a ridge vent and sealant under one parent.
  const kit = custom('Roof ventilation package', 0, 1, created);
  out.push(kit, part(vent, 32, created, { parentId: kit.id }), part(sealant, 4, created, { parentId: kit.id }));
  // A custom item that maps to a supplier product, and one that does not.
  const coil = roofItems('Flashing')[1];
  out.push(custom('Color-matched step flashing', coil.sell, 2, created, { ref: coil.id, supplier: 'SRS Distribution', brand: coil.brand, model: coil.model, cost: coil.cost }));
  out.push(custom('Dumpster rental (20 yd)', 45000, 1, created));
  out.push(labor('Tear-off and disposal', 10, 9500, created), labor('Shingle installation', 16, 8500, created));
  return out;
}

function avOption(seedIdx, created) {
  const avItems = items.slice(roofing.length);
  const out = [];
  const n = between(2, 5);
  for (let k = 0; k < n; k++) out.push(part(avItems[(seedIdx * 37 + k * 101) % avItems.length], between(1, 6), created));
  if (seedIdx % 3 === 0) {
    const kit = part(avItems[(seedIdx * 13) % avItems.length], 1, created);
    out.push(kit);
    out.push(part(avItems[(seedIdx * 13 + 5) % avItems.length], 2, created, { parentId: kit.id }));
    out.push(part(avItems[(seedIdx * 13 + 9) % avItems.length], 4, created, { parentId: kit.id }));
  }
  out.push(custom('Programming and configuration', 35000, 1, created));
  out.push(labor('Installation labor', between(4, 24), 9500, created));
  return out;
}

const ROOF_AREAS = ['Main Roof', 'Detached Garage', 'Back Porch', 'Dormers'];
const AV_AREAS = ['Living Room', 'Kitchen', 'Master Bedroom', 'Patio', 'Network Closet', 'Front Entry'];
const STATUS_PLAN = [
  'Accepted', 'Accepted', 'Accepted', 'Accepted', 'Accepted', 'Accepted', 'Accepted', 'Accepted',
  'Completed', 'Completed', 'Completed',
  'Draft', 'Draft', 'Draft', 'Submitted', 'Submitted', 'ViewedByClient', 'ViewedByClient',
  'Declined', 'Declined', 'Delayed', 'Delayed', 'EmailFailed', 'Expired', 'Expired', 'Undefined',
  'Submitted', 'Accepted', 'Draft', 'ViewedByClient',
];

function sumLines(lines, types) {
  return lines.filter((l) => types.includes(l.itemType)).reduce((s, l) => s + Math.round(l._sell * l.quantity), 0);
}

function buildAreas(isRoof, status, seedIdx, created) {
  const names = isRoof ? ROOF_AREAS : AV_AREAS;
  const areaCount = isRoof ? between(2, 3) : between(2, 4);
  const areas = [];
  let optId = seedIdx * 100;
  const chosen = [];
  for (let a = 0; a < areaCount; a++) {
    const options = [];
    const optionCount = a === 0 ? between(2, 3) : between(1, 2);
    const acceptedIndex = between(0, optionCount - 1);
    for (let o = 0; o < optionCount; o++) {
      const lines = isRoof
        ? a === 0
          ? roofOption(seedIdx + o, created)
          : roofOption(seedIdx + o + 3, created).slice(0, 6 + ((a + o) % 3))
        : avOption(seedIdx * 5 + a * 3 + o, created);
      let optStatus = 'Draft';
      if (status === 'Accepted' || status === 'Completed') optStatus = o === acceptedIndex ? 'Accepted' : 'Declined';
      else if (status === 'Declined') optStatus = 'Declined';
      if (optStatus === 'Accepted' || (optStatus !== 'Accepted' && o === 0 && !['Accepted', 'Completed'].includes(status))) chosen.push(lines);
      options.push({
        id: ++optId + seedIdx * 1000,
        status: optStatus,
        lastModifiedDate: created,
        clientDescription: isRoof ? ['Good: standard architectural shingles', 'Better: premium shingles, upgraded underlayment', 'Best: impact-resistant system'][o] : `Option ${o + 1}`,
        installerDescription: '',
        items: lines,
        total: dollars(sumLines(lines, ['Part', 'CustomItem', 'Labor'])),
        totalRecurringService: 0,
      });
    }
    areas.push({ id: seedIdx * 10 + a + 70000, name: names[a % names.length], options });
  }
  const all = chosen.flat();
  return { areas, parts: sumLines(all, ['Part', 'CustomItem']), labor: sumLines(all, ['Labor']) };
}

function financial(parts, laborCents, kind) {
  const tax = Math.round(parts * 0.0725);
  const subtotal = parts + laborCents;
  return {
    partsSubtotal: dollars(parts),
    partsDiscountType: 'Percentage',
    partsDiscountPercentage: 0,
    partsDiscount: 0,
    partsTotal: dollars(parts),
    laborTotal: dollars(laborCents),
    [`${kind}Subtotal`]: dollars(subtotal),
    salesTax: { taxStatus: 'Taxable', total: dollars(tax), calculation: { method: 'ClientLocation', applyTo: [], partsTax: 7.25, partsTaxName: 'Sales tax', laborTax: 0, laborTaxName: '', hasMultipleTaxSupport: false } },
    [`${kind}Total`]: dollars(subtotal + tax),
    currency: { code: 'USD', symbol: '$' },
  };
}

const stripPrivate = (o) => JSON.parse(JSON.stringify(o, (k, v) => (k === '_sell' ? undefined : v)));
const customerOf = (c) => {
  const { locations, notes: _notes, lastModifiedDate: _modified, ...rest } = c;
  return { ...rest, location: { ...locations[0] } };
};

const proposals = [];
let changeOrderId = 5000;
STATUS_PLAN.forEach((status, idx) => {
  const isRoof = idx % 2 === 0 || idx < 8;
  const contact = contacts[idx % contacts.length];
  const createdDays = 20 + idx * 6;
  const created = isoDaysBefore(createdDays);
  const modified = isoDaysBefore(between(1, createdDays - 1));
  const { areas, parts, labor: laborCents } = buildAreas(isRoof, status, idx + 1, created);
  const changeOrders = [];
  if ((status === 'Accepted' || status === 'Completed') && idx % 3 !== 2) {
    const count = idx % 3 === 0 ? 2 : 1;
    for (let c = 0; c < count; c++) {
      const coStatus = c === 0 ? 'Accepted' : 'Submitted';
      const coCreated = isoDaysBefore(between(1, 15));
      const drip = roofItems('Drip Edge')[c];
      const lines = isRoof
        ? [part(drip, 20 + c * 10, coCreated), part(roofItems('Flashing')[2 + c], 2, coCreated), labor('Additional flashing work', 3, 9500, coCreated)]
        : avOption(idx * 11 + c, coCreated);
      const p = sumLines(lines, ['Part', 'CustomItem']);
      const l = sumLines(lines, ['Labor']);
      const fin = financial(p, l, 'changeOrder');
      changeOrders.push({
        id: ++changeOrderId,
        proposalId: 1001 + idx,
        number: c + 1,
        name: c === 0 ? 'Additional flashing around chimney' : 'Extra drip edge on garage',
        status: coStatus,
        createdDate: coCreated,
        lastModifiedDate: coCreated,
        lastModifiedByUserDate: coCreated,
        clientLastDecisionDate: coStatus === 'Accepted' ? coCreated : null,
        financialSummary: fin,
        customer: customerOf(contact),
        dealer: DEALER,
        projectDescription: '',
        areas: [
          {
            id: changeOrderId * 10,
            name: 'Change',
            options: [{ id: changeOrderId * 10 + 1, status: coStatus === 'Accepted' ? 'Accepted' : 'Draft', lastModifiedDate: coCreated, clientDescription: 'Change order', installerDescription: '', items: lines, total: dollars(p + l), totalRecurringService: 0 }],
          },
        ],
      });
    }
  }
  const fin = financial(parts, laborCents, 'proposal');
  proposals.push({
    id: 1001 + idx,
    number: 2401 + idx,
    name: isRoof ? `${contact.lastName} re-roof` : `${contact.lastName} ${pick(['home theater', 'whole-home audio', 'network upgrade', 'security cameras'])}`,
    status,
    createdDate: created,
    lastModifiedDate: modified,
    lastModifiedByUserDate: modified,
    lastSubmittedDate: status === 'Draft' ? null : created,
    clientLastOpenedDate: ['Draft', 'Submitted', 'EmailFailed', 'Undefined'].includes(status) ? null : modified,
    clientLastDecisionDate: ['Accepted', 'Completed', 'Declined'].includes(status) ? modified : null,
    lastCompletedDate: status === 'Completed' ? modified : null,
    financialSummary: fin,
    customer: customerOf(contact),
    dealer: DEALER,
    coverpageImageUrl: '',
    aboutUs: '',
    projectDescription: isRoof ? 'Tear off existing roof and install a new architectural shingle system.' : 'Design and install of low-voltage systems.',
    areas,
    profit: { total: 0, percentage: 0, partTotal: 0, partPercentage: 0, laborTotal: 0, laborPercentage: 0, isProfitIncludeCos: false },
    recurringServices: { items: [], totalRecurringService: 0 },
    paymentSchedule: { customerDescription: '', payments: [] },
    paymentRequests: [],
    projectTerms: '',
    lastModifiedUser: { firstName: 'Sam', lastName: 'Estimator' },
    changeOrders,
  });
});

// ---------------------------------------------------------------- write
const files = {
  'catalog.json': catalog,
  'contacts.json': contacts,
  'proposals.json': stripPrivate(proposals),
};
const check = process.argv.includes('--check');
mkdirSync(OUT, { recursive: true });
let stale = false;
for (const [name, data] of Object.entries(files)) {
  const text = JSON.stringify(data) + '\n';
  const path = join(OUT, name);
  if (check) {
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      // missing file: stale
    }
    if (old !== text) {
      stale = true;
      console.error(`${name} is out of date; run node scripts/gen-portal-seed.mjs`);
    }
  } else writeFileSync(path, text);
}
if (stale) process.exit(1);
if (!check) {
  const roofAccepted = proposals.filter((p) => p.status === 'Accepted' && p.areas.some((a) => a.options.some((o) => o.items.some((i) => i.supplier === 'SRS Distribution'))));
  console.log(`portal seed: ${items.length} catalog items (${roofing.length} SRS roofing), ${contacts.length} contacts, ${proposals.length} proposals (${roofAccepted.length} accepted roofing), ${proposals.reduce((s, p) => s + p.changeOrders.length, 0)} change orders`);
}
