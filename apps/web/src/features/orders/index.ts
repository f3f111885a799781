export { OrdersView } from './components/orders-view';
