/** The demo shop's products. Prices in US dollars. */
export const PRODUCTS = [
  {
    id: 'trail-runner',
    name: 'Trail Runner',
    category: 'shoes',
    price: 140,
    emoji: '👟',
    color: '#dbeafe',
    blurb: 'Grippy, light and waterproof: for muddy Sunday runs.',
  },
  {
    id: 'city-sneaker',
    name: 'City Sneaker',
    category: 'shoes',
    price: 95,
    emoji: '🥿',
    color: '#fce7f3',
    blurb: 'Soft leather, all-day comfort, goes with everything.',
  },
  {
    id: 'rain-jacket',
    name: 'Rain Jacket',
    category: 'apparel',
    price: 120,
    emoji: '🧥',
    color: '#dcfce7',
    blurb: 'Packs into its own pocket. Breathes when you climb.',
  },
  {
    id: 'wool-beanie',
    name: 'Wool Beanie',
    category: 'apparel',
    price: 25,
    emoji: '🧢',
    color: '#fef3c7',
    blurb: 'Merino, itch-free, warm on the coldest mornings.',
  },
  {
    id: 'day-pack',
    name: 'Day Pack',
    category: 'accessories',
    price: 80,
    emoji: '🎒',
    color: '#ede9fe',
    blurb: '22 litres, laptop sleeve, a bottle pocket on each side.',
  },
  {
    id: 'water-bottle',
    name: 'Steel Bottle',
    category: 'accessories',
    price: 30,
    emoji: '🧴',
    color: '#e0f2fe',
    blurb: 'Keeps drinks cold for a day and hot for half of one.',
  },
];

export const productById = (id) => PRODUCTS.find((product) => product.id === id);
export const money = (amount) => `$${amount.toFixed(2)}`;
