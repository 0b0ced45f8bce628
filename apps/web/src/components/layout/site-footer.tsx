export const SiteFooter = () => (
  <footer className="site-footer">
    <div className="width-container">
      <p>Parley — listening and engagement for public-service communications</p>
    </div>
  </footer>
);
