"""What parting keeps private: file modes, and no network at all."""
