"""Page feedback: "이 정보가 도움이 되었나요?" from citizens, per page, for editors."""
