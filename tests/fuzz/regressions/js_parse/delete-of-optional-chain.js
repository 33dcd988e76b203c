ack;
-->sole.log(pri});
delete uen.dtsfack;
c
delete objCause.stace?.log(Okeys(inherited).len);
