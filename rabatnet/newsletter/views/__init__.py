"""The Rabat Review's pages: public (archive, issue, subscription) and the secretariat's."""
