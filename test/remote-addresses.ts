// Each simulated resident from an address of their own: the public forms limit requests per address, and that
// limit is not what most tests are about. Every call gives the next address in 10.<subnet>.x.y.
export function cycleRemoteAddresses(subnet: number): () => string {
  let count = 0;
  return () => {
    count += 1;
    return `10.${subnet}.${count % 250}.${1 + (count % 200)}`;
  };
}
