/**
 * The demo store's catalog blueprint: 50 product types, each with its option axes and a base
 * price. The generator turns each entry into a product with several variants (distinct option
 * combinations). Written for Switchboard; only the idea (a product type with option variants)
 * comes from τ-bench retail.
 * @see ../../../../../shared/data/tau-bench-retail/SOURCE.md (product/variant shape)
 */

/** One product type. Option values are listed from cheapest to most expensive. */
export interface ProductBlueprint {
  /** Display name, unique in the catalog ("Water Bottle"). */
  name: string;
  /** Price of the cheapest combination, in US dollars. */
  basePrice: number;
  /** Option name → possible values, cheapest first (`{ color: ['black', 'blue'] }`). */
  options: Readonly<Record<string, readonly string[]>>;
}

const colors = ['black', 'white', 'blue', 'red', 'green', 'gray'] as const;
const apparelSizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const shoeSizes = ['6', '7', '8', '9', '10', '11', '12'] as const;

/** The 50 product types of the demo store, in catalog order. */
export const CATALOG: readonly ProductBlueprint[] = [
  { name: 'Water Bottle', basePrice: 19.5, options: { capacity: ['500ml', '750ml', '1000ml'], material: ['plastic', 'glass', 'stainless steel'], color: colors } },
  { name: 'Hiking Boots', basePrice: 129, options: { size: shoeSizes, material: ['synthetic', 'leather'], waterproof: ['no', 'yes'] } },
  { name: 'Electric Kettle', basePrice: 34.99, options: { capacity: ['1L', '1.5L', '1.7L'], material: ['plastic', 'glass', 'stainless steel'], color: ['white', 'black', 'silver'] } },
  { name: 'T-Shirt', basePrice: 14.99, options: { color: colors, size: apparelSizes, material: ['cotton', 'polyester', 'organic cotton'], fit: ['regular', 'slim'] } },
  { name: 'Laptop', basePrice: 749, options: { 'screen size': ['13-inch', '14-inch', '16-inch'], processor: ['4-core', '8-core', '12-core'], ram: ['8GB', '16GB', '32GB'], storage: ['256GB SSD', '512GB SSD', '1TB SSD'], color: ['silver', 'space gray'] } },
  { name: 'Headphones', basePrice: 59, options: { type: ['on-ear', 'over-ear'], connectivity: ['wired', 'wireless'], color: ['black', 'white', 'blue'], 'noise cancelling': ['no', 'yes'] } },
  { name: 'Office Chair', basePrice: 189, options: { material: ['mesh', 'fabric', 'leather'], color: ['black', 'gray', 'blue'], armrest: ['none', 'fixed', 'adjustable'], 'lumbar support': ['standard', 'adjustable'] } },
  { name: 'Running Shoes', basePrice: 89, options: { size: shoeSizes, color: ['black', 'white', 'red', 'blue'], cushioning: ['light', 'balanced', 'max'] } },
  { name: 'Smartphone', basePrice: 499, options: { color: ['black', 'silver', 'blue', 'gold'], storage: ['128GB', '256GB', '512GB'], 'screen size': ['6.1-inch', '6.7-inch'] } },
  { name: 'Backpack', basePrice: 49, options: { color: ['black', 'gray', 'green', 'navy'], capacity: ['20L', '28L', '35L'], material: ['polyester', 'nylon', 'canvas'] } },
  { name: 'Coffee Maker', basePrice: 69, options: { color: ['black', 'silver', 'white'], capacity: ['4 cups', '8 cups', '12 cups'], type: ['drip', 'single serve', 'pour over'] } },
  { name: 'Desk Lamp', basePrice: 29, options: { color: ['black', 'white', 'brass'], brightness: ['low', 'medium', 'high'], 'power source': ['USB', 'plug-in', 'battery'] } },
  { name: 'Notebook', basePrice: 7.5, options: { size: ['A6', 'A5', 'A4'], ruling: ['blank', 'lined', 'dotted'], cover: ['soft', 'hard'] } },
  { name: 'Sunglasses', basePrice: 39, options: { 'frame color': ['black', 'tortoise', 'gold', 'silver'], 'lens color': ['gray', 'brown', 'green'], 'lens type': ['standard', 'polarized'] } },
  { name: 'Wristwatch', basePrice: 149, options: { 'strap material': ['silicone', 'leather', 'stainless steel'], 'dial color': ['black', 'white', 'blue'], movement: ['quartz', 'automatic'] } },
  { name: 'Electric Toothbrush', basePrice: 39, options: { color: ['white', 'black', 'pink', 'blue'], modes: ['2', '3', '5'], battery: ['AA', 'rechargeable'] } },
  { name: 'Yoga Mat', basePrice: 24, options: { thickness: ['4mm', '6mm', '8mm'], material: ['PVC', 'TPE', 'natural rubber'], color: ['purple', 'blue', 'black', 'green'] } },
  { name: 'Bluetooth Speaker', basePrice: 45, options: { color: ['black', 'blue', 'red', 'green'], 'battery life': ['10 hours', '20 hours', '30 hours'], 'water resistance': ['none', 'IPX5', 'IPX7'] } },
  { name: 'Gaming Mouse', basePrice: 35, options: { color: ['black', 'white', 'RGB'], sensor: ['optical', 'laser'], connectivity: ['wired', 'wireless'] } },
  { name: 'Action Camera', basePrice: 179, options: { resolution: ['1080p', '4K', '5K'], waterproof: ['no', 'yes'], color: ['black', 'silver'] } },
  { name: 'Garden Hose', basePrice: 22, options: { length: ['25ft', '50ft', '100ft'], material: ['vinyl', 'rubber', 'latex'], color: ['green', 'black', 'blue'] } },
  { name: 'Tablet', basePrice: 299, options: { 'screen size': ['8-inch', '10-inch', '12-inch'], storage: ['64GB', '128GB', '256GB'], color: ['black', 'silver', 'gold'] } },
  { name: 'E-Reader', basePrice: 99, options: { 'screen size': ['6-inch', '7-inch', '8-inch'], connectivity: ['Wi-Fi', 'Wi-Fi + cellular'], storage: ['8GB', '16GB', '32GB'] } },
  { name: 'Portable Charger', basePrice: 19, options: { capacity: ['5000mAh', '10000mAh', '20000mAh'], output: ['USB-A', 'USB-C', 'wireless'], color: ['black', 'white', 'blue'] } },
  { name: 'Indoor Security Camera', basePrice: 49, options: { resolution: ['1080p', '2K', '4K'], 'field of view': ['110 degrees', '130 degrees', '160 degrees'], connectivity: ['Wi-Fi', 'Ethernet'] } },
  { name: 'Mechanical Keyboard', basePrice: 69, options: { 'switch type': ['linear', 'tactile', 'clicky'], backlight: ['none', 'white', 'RGB'], layout: ['60%', '80%', 'full size'] } },
  { name: 'Wireless Earbuds', basePrice: 49, options: { color: ['black', 'white', 'blue'], 'battery life': ['4 hours', '6 hours', '8 hours'], 'water resistance': ['none', 'IPX4', 'IPX7'] } },
  { name: 'Smart Thermostat', basePrice: 119, options: { compatibility: ['Apple HomeKit', 'Google Assistant', 'Amazon Alexa'], color: ['white', 'black', 'stainless steel'] } },
  { name: 'Fleece Jacket', basePrice: 59, options: { size: apparelSizes, color: ['black', 'navy', 'red', 'gray'], zipper: ['half', 'full'] } },
  { name: 'Wall Clock', basePrice: 25, options: { diameter: ['10 inches', '12 inches', '14 inches'], color: ['black', 'white', 'wood'], movement: ['ticking', 'silent'] } },
  { name: 'Dumbbell Set', basePrice: 79, options: { 'weight range': ['5-25 lbs', '10-40 lbs', '30-60 lbs'], material: ['iron', 'rubber', 'urethane'], 'set type': ['fixed', 'adjustable'] } },
  { name: 'Pet Bed', basePrice: 35, options: { size: ['small', 'medium', 'large'], material: ['polyester', 'fleece', 'memory foam'], color: ['gray', 'brown', 'blue'] } },
  { name: 'Espresso Machine', basePrice: 299, options: { pressure: ['9 bar', '15 bar', '19 bar'], 'water tank': ['1L', '1.5L', '2L'], type: ['manual', 'capsule', 'automatic'] } },
  { name: 'Cycling Helmet', basePrice: 45, options: { size: ['S', 'M', 'L'], color: ['black', 'white', 'red', 'blue'], ventilation: ['low', 'medium', 'high'] } },
  { name: 'LED Light Bulb', basePrice: 6.99, options: { brightness: ['60W equivalent', '75W equivalent', '100W equivalent'], 'color temperature': ['warm white', 'daylight'], connectivity: ['none', 'Wi-Fi', 'Bluetooth'] } },
  { name: 'Digital Camera', basePrice: 549, options: { resolution: ['20MP', '24MP', '30MP'], zoom: ['3x', '5x', '10x'], storage: ['SD card', 'CFexpress'] } },
  { name: 'Bookshelf', basePrice: 89, options: { material: ['laminate', 'pine', 'oak'], color: ['white', 'black', 'natural'], height: ['3 ft', '5 ft', '6 ft'] } },
  { name: 'Bicycle', basePrice: 449, options: { 'frame size': ['small', 'medium', 'large'], color: ['black', 'red', 'blue', 'green'], type: ['city', 'road', 'mountain'] } },
  { name: 'Sneakers', basePrice: 65, options: { size: shoeSizes, color: ['white', 'black', 'gray'], material: ['canvas', 'synthetic', 'leather'] } },
  { name: 'Smart Watch', basePrice: 179, options: { color: ['black', 'silver', 'gold'], 'band material': ['silicone', 'leather', 'metal'], display: ['LCD', 'AMOLED'] } },
  { name: 'Tea Kettle', basePrice: 24, options: { material: ['enamel', 'stainless steel', 'glass'], capacity: ['1 quart', '2 quarts', '3 quarts'], 'stovetop compatibility': ['gas', 'electric', 'induction'] } },
  { name: 'Luggage Set', basePrice: 159, options: { 'piece count': ['2-piece', '3-piece', '4-piece'], color: ['black', 'navy', 'silver'], material: ['softshell', 'hardshell'] } },
  { name: 'Patio Umbrella', basePrice: 69, options: { size: ['6 ft', '7.5 ft', '9 ft'], color: ['beige', 'navy', 'green', 'red'], tilt: ['none', 'manual', 'auto'] } },
  { name: 'Air Purifier', basePrice: 99, options: { 'room size': ['small', 'medium', 'large'], filter: ['carbon', 'HEPA', 'HEPA + carbon'], features: ['none', 'quiet mode', 'smart sensors'] } },
  { name: 'Makeup Kit', basePrice: 29, options: { 'skin tone': ['light', 'medium', 'dark'], 'kit size': ['basic', 'standard', 'professional'], finish: ['matte', 'natural', 'dewy'] } },
  { name: 'Skateboard', basePrice: 55, options: { 'deck material': ['maple', 'bamboo', 'plastic'], length: ['28 inch', '31 inch', '34 inch'], design: ['plain', 'graphic', 'custom'] } },
  { name: 'Jigsaw Puzzle', basePrice: 12.99, options: { pieces: ['500', '1000', '1500', '2000'], theme: ['animals', 'landscape', 'art', 'fantasy'], difficulty: ['beginner', 'intermediate', 'expert'] } },
  { name: 'Grill', basePrice: 199, options: { type: ['charcoal', 'gas', 'electric'], size: ['portable', 'medium', 'large'], features: ['none', 'side burner', 'rotisserie'] } },
  { name: 'Vacuum Cleaner', basePrice: 129, options: { type: ['stick', 'upright', 'robotic'], bag: ['bagged', 'bagless'], features: ['standard', 'pet hair', 'HEPA filter'] } },
  { name: 'Perfume', basePrice: 45, options: { 'scent family': ['fresh', 'floral', 'woody', 'oriental'], size: ['30ml', '50ml', '100ml'], gender: ['unisex', 'women', 'men'] } },
];
